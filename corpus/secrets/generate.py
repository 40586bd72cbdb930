#!/usr/bin/env python3
"""Generates plimsoll's labelled secrets corpus: `files/` and `expected.json`.

Every positive is a freshly generated token in its provider's real format (prefix, length, alphabet, and a valid
CRC32-base62 checksum for GitHub classic and npm tokens), placed in a realistic host file. Every other line is a
hard negative that must produce no finding. `expected.json` lists {path, line, rule_id} for every secret that
must be found; `tests/corpus.rs` runs the real scanner over `files/` and computes precision and recall.

How tokens are made: each rule's regex (rules/secrets/*.toml) is translated to Python; each of the rule's examples
is matched to find its secret, and the secret is re-randomised character by character (a character is only
changed when the rule's whole regex still matches afterwards, so prefixes, fixed infixes and alphabets survive);
checksums, JWTs, base64 `user:password` values and PEM bodies are then rebuilt so they validate. The example's
surrounding text gives a variable name, which is rendered into host files of many kinds (env, YAML, JSON, TOML,
INI, properties, shell, Python, JS/TS, Go, Java, C#, Ruby, PHP, Terraform, Dockerfile, CRLF, minified JS,
Kubernetes Secret `data:`, base64 blobs...). Tokens that stand on their own (`ghp_...`) go into any host: a
scanner must find them anywhere. A keyword-anchored secret goes only where its rule's regex finds it (the name
may not survive every host's naming style). One secret has one label: placements where another rule at least as
precise claims the same text are avoided, since the engine reports one finding per secret.

Python 3.11+ standard library only. Deterministic: every random choice comes from a generator seeded with SEED and
the rule id, so adding a rule does not change the tokens of the others.

    python3 corpus/secrets/generate.py            # regenerate
    python3 corpus/secrets/generate.py --check    # also report what Python predicts the rules will match
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import random
import re
import shutil
import string
import sys
import tomllib
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from re import _constants as sre_c  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]

SEED = 20240611
HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
RULES_DIR = REPO / "rules" / "secrets"
OUT = HERE / "files"

ALNUM = string.ascii_letters + string.digits
B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


# ----------------------------------------------------------------------------------------------------------
# Token formats that need more than the right alphabet
# ----------------------------------------------------------------------------------------------------------


def base62_6(n: int) -> str:
    out = []
    for _ in range(6):
        out.append(B62[n % 62])
        n //= 62
    return "".join(reversed(out))


def crc_token(prefix: str, body30: str) -> str:
    """GitHub classic / npm: 30 random chars + base62(crc32(them)) padded to 6."""
    return prefix + body30 + base62_6(zlib.crc32(body30.encode()))


def crc_valid(token: str) -> bool:
    body = token.rsplit("_", 1)[-1]
    return len(body) == 36 and body.isalnum() and base62_6(zlib.crc32(body[:30].encode())) == body[30:]


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def make_jwt(rng: random.Random, sig_len: int = 43) -> str:
    header = {"alg": rng.choice(["HS256", "RS256", "ES256"]), "typ": "JWT"}
    payload = {
        "sub": str(rng.randrange(10**6, 10**9)),
        "name": rng.choice(["deploy-bot", "svc-billing", "jane.doe", "ci-runner"]),
        "iat": 1700000000 + rng.randrange(10**7),
        "exp": 1800000000 + rng.randrange(10**7),
        "scope": rng.choice(["read:all write:all", "admin", "api"]),
        "jti": "".join(rng.choice(ALNUM) for _ in range(16)),
    }
    sig = "".join(rng.choice(ALNUM + "-_") for _ in range(sig_len))
    enc = lambda o: b64url(json.dumps(o, separators=(",", ":")).encode())  # noqa: E731
    return f"{enc(header)}.{enc(payload)}.{sig}"


def rand_password(rng: random.Random, n: int = 16) -> str:
    while True:
        p = "".join(rng.choice(ALNUM + "!@#%^*-_") for _ in range(n))
        if any(c.isdigit() for c in p) and any(c.isupper() for c in p) and any(c.islower() for c in p):
            return p


def rand_user(rng: random.Random) -> str:
    return rng.choice(["deploy", "ci-bot", "svc_billing", "jenkins", "admin2", "release-mgr", "etl_user"])


# ----------------------------------------------------------------------------------------------------------
# False-positive filters of the engine, mirrored so generated secrets never look like placeholders by accident
# ----------------------------------------------------------------------------------------------------------

PLACEHOLDER_WORDS = [
    "example", "xxxx", "changeme", "change_me", "change-me", "your_", "your-", "yourtoken", "yourkey",
    "yourpassword", "redacted", "****", "dummy", "placeholder", "sample", "insert_", "replace_me", "replaceme",
    "fake_", "notreal", "not_real", "not-a-real", "...", "${", "{{", "}}", "$(", "%s", "%(", "process.env",
    "os.environ", "getenv(", "environ[", "env(", "env[", "secrets.", "vault:", "<%", "$2a$", "$2b$",
]


def looks_placeholder(s: str) -> bool:
    low = s.lower()
    return any(w in low for w in PLACEHOLDER_WORDS) or len(set(s)) <= 2


def entropy(s: str) -> float:
    if not s:
        return 0.0
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in (s.count(ch) for ch in set(s)))


def looks_like_digest(s: str) -> bool:
    return (len(s) in (40, 64, 96, 128) and all(c in string.hexdigits for c in s)) or bool(
        re.fullmatch(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", s)
    )


# ----------------------------------------------------------------------------------------------------------
# Rules
# ----------------------------------------------------------------------------------------------------------

POSIX = {
    "alnum": "a-zA-Z0-9", "alpha": "a-zA-Z", "digit": "0-9", "xdigit": "0-9a-fA-F", "upper": "A-Z",
    "lower": "a-z", "space": r"\s", "word": r"\w", "punct": r"!-/:-@\[-`{-~", "print": r" -~", "graph": r"!-~",
}


def rust_to_python(pattern: str) -> tuple[str, int]:
    """Translates the rule-file regex dialect (Rust `regex`, ASCII mode) to Python `re` over bytes."""
    flags = 0
    p = pattern
    p = re.sub(r"\[:(\^?)(\w+):\]", lambda m: POSIX[m.group(2)] if not m.group(1) else "", p)
    p = p.replace("(?<", "(?P<").replace("(?P<=", "(?<=").replace("(?P<!", "(?<!")
    p = p.replace(r"\z", r"\Z")
    p = re.sub(r"\\x\{([0-9A-Fa-f]{1,2})\}", lambda m: "\\x%02x" % int(m.group(1), 16), p)

    def global_flags(m: re.Match) -> str:
        nonlocal flags
        for ch in m.group(1):
            flags |= {"i": re.I, "m": re.M, "s": re.S, "x": re.X}.get(ch, 0)
        return ""

    p = re.sub(r"\(\?([imsxuU]+)\)", global_flags, p)
    p = re.sub(r"\(\?-u\)", "", p)
    p = re.sub(r"\(\?([imsx]*)-?u:", lambda m: f"(?{m.group(1)}:" if m.group(1) else "(?:", p)
    return p, flags


@dataclass
class Rule:
    id: str
    data: dict
    source: str
    py: re.Pattern | None = None
    group: int = 1
    literals: list[str] = field(default_factory=list)
    requires: re.Pattern | None = None
    paths: list[re.Pattern] = field(default_factory=list)
    exclude: list[re.Pattern] = field(default_factory=list)
    allow: list[re.Pattern] = field(default_factory=list)

    @property
    def precision(self) -> str:
        return self.data.get("precision", "high")

    @property
    def rank(self) -> int:
        return ["low", "medium", "high", "very-high"].index(self.precision)

    @property
    def high(self) -> bool:
        return self.precision in ("high", "very-high")

    @property
    def checksum(self) -> str | None:
        return self.data.get("checksum")

    @property
    def window(self) -> int:
        return int(self.data.get("window", 0))

    def applies_to(self, path: str) -> bool:
        full = "corpus/secrets/files/" + path
        if self.paths and not any(g.fullmatch(full) for g in self.paths):
            return False
        return not any(g.fullmatch(full) for g in self.exclude)


def glob_to_re(g: str) -> re.Pattern:
    """globset semantics with literal_separator off: `*` crosses `/`, `**/` matches any leading directories."""
    out, i = "", 0
    while i < len(g):
        if g.startswith("**/", i):
            out += "(?:.*/)?"
            i += 3
        elif g.startswith("/**", i) and i + 3 == len(g):
            out += "/.*"
            i += 3
        elif g[i] == "*":
            out += ".*"
            i += 1 + (g.startswith("**", i))
        elif g[i] == "?":
            out += "."
            i += 1
        elif g[i] == "{":
            j = g.index("}", i)
            out += "(?:" + "|".join(re.escape(x) for x in g[i + 1 : j].split(",")) + ")"
            i = j + 1
        elif g[i] == "[":
            j = g.index("]", i + 1)
            out += g[i : j + 1].replace("[!", "[^")
            i = j + 1
        else:
            out += re.escape(g[i])
            i += 1
    return re.compile(out, re.S)


def literal_runs(parsed) -> list[str]:
    """Maximal literal strings of >= 2 chars in a parsed regex (prefixes, fixed infixes): never re-randomised."""
    runs: list[str] = []

    def walk(sub):
        cur = ""
        for op, av in sub:
            if op is sre_c.LITERAL:
                cur += chr(av)
                continue
            if len(cur) >= 2:
                runs.append(cur)
            cur = ""
            if op is sre_c.SUBPATTERN:
                walk(av[3])
            elif op is sre_c.BRANCH:
                for b in av[1]:
                    walk(b)
            elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
                walk(av[2])
        if len(cur) >= 2:
            runs.append(cur)

    walk(parsed)
    return runs


def load_rules() -> tuple[list[Rule], list[str]]:
    rules, problems = [], []
    for f in sorted(RULES_DIR.glob("*.toml")):
        try:
            doc = tomllib.loads(f.read_text())
        except Exception as e:  # a rule file being written right now
            problems.append(f"{f.name}: cannot parse ({e})")
            continue
        for r in doc.get("rule", []):
            rule = Rule(r["id"], r, f.name)
            try:
                pat, flags = rust_to_python(r["regex"])
                rule.py = re.compile(pat.encode(), flags)
                rule.literals = [x for x in literal_runs(sre_parse.parse(pat, flags)) if any(c.isalnum() for c in x)]
                rule.group = r.get("secret_group", 1 if rule.py.groups >= 1 else 0)
            except Exception as e:
                problems.append(f"{rule.id}: regex not translatable to Python ({e}); rule gets no corpus positives")
                rule.py = None
            if "requires" in r:
                try:
                    pat, flags = rust_to_python(r["requires"]["regex"])
                    rule.requires = re.compile(pat.encode(), flags)
                except Exception as e:
                    problems.append(f"{rule.id}: requires regex not translatable ({e})")
            for a in r.get("allow", []):
                pat, flags = rust_to_python(a)
                rule.allow.append(re.compile(pat.encode(), flags))
            rule.paths = [glob_to_re(g) for g in r.get("paths", [])]
            rule.exclude = [glob_to_re(g) for g in r.get("exclude_paths", [])]
            rules.append(rule)
    return rules, problems


# ----------------------------------------------------------------------------------------------------------
# Fresh secrets
# ----------------------------------------------------------------------------------------------------------


MAX_LINE_REACH = 4096  # the engine's limit on how far a window extends to find a line boundary


def _line_start(b: bytes, pos: int) -> int:
    lo = max(0, pos - MAX_LINE_REACH)
    i = b.rfind(b"\n", lo, pos)
    return lo if i < 0 else i + 1


def _line_end(b: bytes, pos: int) -> int:
    hi = min(len(b), pos + MAX_LINE_REACH)
    i = b.find(b"\n", pos, hi)
    return hi if i < 0 else i


def _lines_around(b: bytes, s: int, e: int, n: int) -> tuple[int, int]:
    a = _line_start(b, s)
    for _ in range(n):
        if a == 0:
            break
        a = _line_start(b, a - 1)
    z = _line_end(b, e)
    for _ in range(n):
        if z >= len(b):
            break
        z = _line_end(b, z + 1)
    return a, z


def secret_spans(rule: Rule, text: str) -> list[tuple[int, int]]:
    """Where the rule's regex puts its secret group in `text`: a Python model of the engine's regex step
    (regex only inside the windows around keyword hits, `requires` checked within N lines). Offsets are
    valid str offsets because corpus text is ASCII."""
    if rule.py is None:
        return []
    b = text.encode()
    low = b.lower()
    hits = []
    for k in rule.data["keywords"]:
        k = k.lower().encode()
        i = low.find(k)
        while i >= 0:
            hits.append((i, i + len(k)))
            i = low.find(k, i + 1)
    windows: list[list[int]] = []
    for s, e in sorted(hits):
        ws, we = _line_start(b, s), _line_end(b, min(len(b), e + rule.window))
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], we)
        else:
            windows.append([ws, we])
    out = set()
    for ws, we in windows:
        pos = ws
        while pos <= we:
            m = rule.py.search(b, pos, we)
            if not m:
                break
            pos = m.end() if m.end() > m.start() else m.end() + 1
            if m.group(rule.group) is None:
                continue
            if rule.requires is not None:
                n = int(rule.data["requires"]["within_lines"])
                a, z = _lines_around(b, m.start(), m.end(), n)
                if not rule.requires.search(b[a:z]):
                    continue
            out.add(m.span(rule.group))
    return sorted(out)


def finds(rule: Rule, text: str, secret: str) -> bool:
    return any(text[s:e] == secret for s, e in secret_spans(rule, text))


def acceptable(rule: Rule, secret: str) -> bool:
    if not secret or looks_placeholder(secret):
        return False
    me = rule.data.get("min_entropy")
    if me is not None and entropy(secret) < me:
        return False
    if any(a.search(secret.encode()) for a in rule.allow):
        return False
    if rule.checksum in ("github-crc32", "npm-crc32") and not crc_valid(secret):
        return False
    return True


PEM_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]+-----")


def rebuild_pem(secret: str, original: str, rng: random.Random) -> str:
    """Gives each PEM body in `secret` fresh canonical base64 (so it decodes, as real keys do), keeping the
    original line layout (real newlines, indentation or JSON `\\n` escapes), `Key: value` headers, the PGP
    armor checksum line, and the first 48 bytes of the original body (the ASN.1 / openssh header that
    identifies the key type, identical in every real key of that type)."""
    out, pos = [], 0
    for m in PEM_BEGIN.finditer(secret):
        out.append(secret[pos : m.end()])
        end = secret.find("-----END", m.end())
        end = len(secret) if end < 0 else end
        body = secret[m.end() : end]
        pos = end
        parts = re.split(r"(\\n|\\r|\r?\n)", body)
        chunks = []
        for i, part in enumerate(parts):
            if re.fullmatch(r"\\n|\\r|\r?\n", part):
                continue
            lead = len(part) - len(part.lstrip())
            core = part.strip()
            if not core or ":" in core or core.startswith("=") or not re.fullmatch(r"[A-Za-z0-9+/=]+", core):
                continue
            chunks.append((i, lead, core))
        total = "".join(c for _, _, c in chunks)
        if not total:
            out.append(body)
            continue
        # The same body in the original example (the secret's layout matches it chunk for chunk).
        om = PEM_BEGIN.search(original)
        otot = ""
        if om:
            oend = original.find("-----END", om.end())
            obody = original[om.end() : (len(original) if oend < 0 else oend)]
            otot = "".join(p.strip() for p in re.split(r"\\n|\\r|\r?\n", obody)
                           if p.strip() and ":" not in p and not p.strip().startswith("=")
                           and re.fullmatch(r"[A-Za-z0-9+/=]+", p.strip()))
        try:
            head = base64.b64decode(otot + "=" * (-len(otot) % 4))[:48]
        except Exception:
            head = b""
        pad = len(total) - len(total.rstrip("="))
        core_len = len(total) - pad
        n = core_len * 3 // 4
        raw = head[:n] + rng.randbytes(max(0, n - len(head)))
        fresh = base64.b64encode(raw).decode()
        fresh = fresh.rstrip("=") + "=" * pad if pad else fresh.rstrip("=")
        fresh = (fresh + "A" * len(total))[: len(total)]
        k = 0
        for i, lead, core in chunks:
            parts[i] = parts[i][:lead] + fresh[k : k + len(core)] + parts[i][lead + len(core):]
            k += len(core)
        out.append("".join(parts))
    out.append(secret[pos:])
    return "".join(out)


def fresh_secret(rule: Rule, text: str, gs: int, ge: int, rng: random.Random) -> str | None:
    """A new secret for the group at text[gs:ge]: same structure, fresh random content, still matched."""
    old = text[gs:ge]
    prefix, suffix = text[:gs], text[ge:]

    def ok(candidate: str) -> bool:
        return finds(rule, prefix + candidate + suffix, candidate)

    for attempt in range(40):
        chars = list(old)
        keep = [False] * len(old)
        low = old.lower()
        for lit in rule.literals:
            i = low.find(lit.lower())
            while i >= 0:
                for j in range(i, i + len(lit)):
                    keep[j] = True
                i = low.find(lit.lower(), i + 1)
        hexlow = all(c in "0123456789abcdef" for c in old if c.isalnum())
        hexup = all(c in "0123456789ABCDEF" for c in old if c.isalnum())
        order = [i for i, c in enumerate(old) if c.isalnum() and c.isascii() and not keep[i]]
        rng.shuffle(order)
        for i in order:
            c = chars[i]
            if c.isdigit():
                pool = string.digits
            elif c.islower():
                pool = "abcdef" if hexlow else string.ascii_lowercase
            else:
                pool = "ABCDEF" if hexup else string.ascii_uppercase
            prev = chars[i]
            chars[i] = rng.choice(pool)
            if not ok("".join(chars)):
                chars[i] = prev
        cand = "".join(chars)
        if "-----BEGIN" in cand:
            cand = rebuild_pem(cand, old, rng)
        if rule.checksum in ("github-crc32", "npm-crc32"):
            m = re.search(r"([A-Za-z0-9]{36})$", cand)
            if m:
                cand = crc_token(cand[: m.start()], cand[m.start() : m.start() + 30])
        elif rule.checksum == "jwt" or re.search(r"eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+", cand):
            cand = re.sub(r"eyJ[\w-]+\.eyJ[\w-]+\.([\w-]+)", lambda m: make_jwt(rng, len(m.group(1))), cand, count=1)
        if rule.checksum == "basic-auth":
            user, pw = rand_user(rng), rand_password(rng, rng.randrange(12, 20))
            enc = base64.b64encode(f"{user}:{pw}".encode()).decode()
            cand = enc if re.fullmatch(r"[A-Za-z0-9+/=]+", old) else cand.replace(old, enc)
        changed = sum(1 for a, b in zip(old, cand) if a != b)
        alnum = sum(1 for c in old if c.isalnum())
        if ok(cand) and acceptable(rule, cand) and cand != old and (alnum < 8 or changed >= alnum // 3):
            return cand
    return None


# ----------------------------------------------------------------------------------------------------------
# Examples -> (name, value) pairs and fresh example lines
# ----------------------------------------------------------------------------------------------------------

ASSIGN_TAIL = re.compile(r"""([A-Za-z_][\w.\-]*)["'\]]?\s*(?::=|=>|=|:|,)\s*["']?$""")


@dataclass
class Sample:
    """One example of a rule, re-randomised."""

    rule: Rule
    text: str  # the example with every secret replaced
    secret: str  # the rule's secret in `text`
    companions: list[tuple[str, str]]  # (secret, rule id) of other rules' secrets in the text, also fresh
    name: str | None  # variable name the value is assigned to, if any
    value: str  # the assigned value that contains the secret (may be the secret itself)


def split_assignment(text: str, gs: int, ge: int) -> tuple[str | None, str]:
    """Finds `name` and the whole `value` around the secret at text[gs:ge] (single-line examples)."""
    line_start = text.rfind("\n", 0, gs) + 1
    line_end = text.find("\n", ge)
    line_end = len(text) if line_end < 0 else line_end
    vs = gs
    while vs > line_start and text[vs - 1] not in " \t\"'=(,`[{>":
        vs -= 1
    ve = ge
    while ve < line_end and text[ve] not in " \t\"'`,;)]}<\r":
        ve += 1
    value = text[vs:ve]
    m = ASSIGN_TAIL.search(text[line_start:vs])
    name = m.group(1) if m else None
    if name and re.fullmatch(r"[A-Za-z0-9]{12,}", name) and sum(c.isdigit() for c in name) >= 2:
        name = None  # a token passed as an earlier argument, not a variable name
    return name, value


def make_sample(rule: Rule, example: str, rng: random.Random, by_id: dict[str, Rule]) -> Sample | None:
    spans = secret_spans(rule, example)
    spans = [(s, e) for s, e in spans if acceptable_shape(rule, example[s:e])]
    if not spans:
        return None
    gs, ge = spans[0]
    # More secrets of this rule in the example (two lines of a credentials file...), and other high-precision
    # rules' secrets (an AWS key id next to its secret key...): all are re-randomised and labelled.
    others = []
    for s, e in spans[1:]:
        if not any(s < oe and os_ < e for os_, oe, _ in others) and (e <= gs or s >= ge):
            others.append((s, e, rule))
    for other in by_id.values():
        if other is rule or not other.high or other.py is None:
            continue
        for s, e in secret_spans(other, example):
            if (e <= gs or s >= ge) and not any(s < oe and os_ < e for os_, oe, _ in others):
                others.append((s, e, other))
    text = example
    # Replace from the right so offsets stay valid.
    jobs = sorted([(gs, ge, rule)] + others, key=lambda j: -j[0])
    new_secret, companions = None, []
    for s, e, r in jobs:
        fresh = fresh_secret(r, text, s, e, rng)
        if fresh is None:
            if r is rule and s == gs:
                return None
            continue
        text = text[:s] + fresh + text[e:]
        if r is rule and s == gs:
            new_secret = fresh
        else:
            companions.append((fresh, r.id))
    start = text.find(new_secret)
    if not finds(rule, text, new_secret):
        return None
    name, value = (None, new_secret) if "\n" in new_secret else split_assignment(text, start, start + len(new_secret))
    if name and any(name in sec or sec in name for sec, _ in companions):
        name = None  # a token passed as an earlier argument, not a variable name
    return Sample(rule, text, new_secret, companions, name, value)


def acceptable_shape(rule: Rule, s: str) -> bool:
    return bool(s) and not looks_placeholder(s)


# ----------------------------------------------------------------------------------------------------------
# Host files
# ----------------------------------------------------------------------------------------------------------


def words(name: str) -> list[str]:
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    return [w.lower() for w in re.split(r"[^A-Za-z0-9]+", name) if w]


def upper(n):
    return "_".join(w.upper() for w in words(n))


def snake(n):
    return "_".join(words(n))


def camel(n):
    w = words(n)
    return w[0] + "".join(x.title() for x in w[1:]) if w else n


def pascal(n):
    return "".join(x.title() for x in words(n))


def kebab(n):
    return "-".join(words(n))


def dotted(n):
    return ".".join(words(n))


@dataclass
class Host:
    kind: str  # category name in the manifest
    paths: list[str]
    styles: list  # name stylers, tried in order
    render: object  # (name, value) -> text
    header: str = ""
    footer: str = ""
    sep: str = "\n"  # between chunks
    eol: str = "\n"
    forbid: str = "\"'\\\n"  # characters the value may not contain in this host
    transform: object = None  # how the host encodes the value (JSON escapes...); the anchor is transformed too
    multi: bool = False  # holds multi-line values


HOSTS: list[Host] = [
    Host("env", [".env", "services/billing/.env.production"], [upper, lambda n: n],
         lambda n, v: f"{n}={v}",
         header="# Local settings for docker compose\nNODE_ENV=production\nLOG_LEVEL=info\n", forbid="\n \"'#"),
    Host("yaml", ["deploy/helm/values.yaml", "config/application.yml"], [snake, lambda n: n],
         lambda n, v: f"    {n}: \"{v}\"",
         header="replicaCount: 2\nimage:\n  repository: ghcr.io/acme/api\n  tag: \"1.14.2\"\napp:\n  settings:\n"),
    Host("k8s-stringdata", ["k8s/overlays/prod/api-credentials.yaml"], [upper, lambda n: n],
         lambda n, v: f"  {n}: {v}",
         header="apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-credentials\n  namespace: prod\ntype: Opaque\nstringData:\n",
         forbid="\n \"'#:"),
    Host("json", ["config/settings.json", "src/Acme.Api/appsettings.Production.json"], [snake, camel, lambda n: n],
         lambda n, v: f'    "{n}": "{v}",', header='{\n  "service": "billing",\n  "credentials": {\n',
         footer='    "rotation_days": 90\n  }\n}\n'),
    Host("toml", ["config/app.toml"], [snake, lambda n: n], lambda n, v: f'{n} = "{v}"',
         header='[server]\nhost = "0.0.0.0"\nport = 8080\n\n[credentials]\n'),
    Host("ini", ["config/service.ini", "conf/worker.cfg"], [snake, lambda n: n], lambda n, v: f"{n} = {v}",
         header="[general]\nname = worker\nthreads = 4\n\n[auth]\n", forbid="\n ;#"),
    Host("properties", ["src/main/resources/application.properties"], [dotted, lambda n: n, snake],
         lambda n, v: f"{n}={v}", header="server.port=8080\nspring.application.name=billing\n", forbid="\n #"),
    Host("shell", ["scripts/deploy.sh"], [upper, lambda n: n], lambda n, v: f'export {n}="{v}"',
         header="#!/usr/bin/env bash\nset -euo pipefail\n", footer='\n./bin/release --env "$ENVIRONMENT"\n',
         forbid="\n\"$`\\"),
    Host("python", ["app/settings.py"], [upper, lambda n: n], lambda n, v: f'{n} = "{v}"',
         header='"""Production settings."""\nimport os\n\nDEBUG = False\nALLOWED_HOSTS = ["api.acme.io"]\n'),
    Host("python", ["app/clients.py"], [snake, lambda n: n], lambda n, v: f'client.configure({n}="{v}")',
         header="from acme.sdk import Client\n\nclient = Client(region='eu-west-1')\n"),
    Host("javascript", ["web/src/config.js"], [camel, lambda n: n], lambda n, v: f'const {n} = "{v}";',
         header="'use strict';\n\n", footer="\nmodule.exports = { ready: true };\n"),
    Host("typescript", ["web/src/api/client.ts"], [camel, lambda n: n], lambda n, v: f"  {n}: '{v}',",
         header="import axios from 'axios';\n\nexport const settings = {\n", footer="};\n"),
    Host("go", ["cmd/server/credentials.go"], [camel, lambda n: n], lambda n, v: f'\t{n} = "{v}"',
         header="package main\n\n// Credentials used by the sync job.\nconst (\n", footer=")\n"),
    Host("java", ["src/main/java/com/acme/billing/Credentials.java"], [upper, lambda n: n],
         lambda n, v: f'    private static final String {n} = "{v}";',
         header="package com.acme.billing;\n\npublic final class Credentials {\n", footer="}\n"),
    Host("csharp", ["src/Acme.Api/Secrets.cs"], [pascal, lambda n: n],
         lambda n, v: f'        public const string {n} = "{v}";',
         header="namespace Acme.Api\n{\n    public static class Secrets\n    {\n", footer="    }\n}\n"),
    Host("ruby", ["config/initializers/credentials.rb"], [snake, lambda n: n],
         lambda n, v: f'  config.{n} = "{v}"', header="Rails.application.configure do\n", footer="end\n",
         forbid="\n\"\\#"),
    Host("php", ["config/services.php"], [snake, lambda n: n], lambda n, v: f"    '{n}' => '{v}',",
         header="<?php\n\nreturn [\n", footer="];\n"),
    Host("terraform", ["infra/main.tf"], [snake, lambda n: n], lambda n, v: f'  {n} = "{v}"',
         header='terraform {\n  required_version = ">= 1.5"\n}\n\nlocals {\n', footer="}\n"),
    Host("dockerfile", ["Dockerfile", "docker/worker.Dockerfile"], [upper, lambda n: n],
         lambda n, v: f"ENV {n}={v}", header="FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n",
         footer='CMD ["python", "-m", "app"]\n', forbid="\n \"'\\$"),
    Host("crlf", ["windows/service.ini"], [snake, lambda n: n], lambda n, v: f"{n}={v}",
         header="[service]\r\nname=AcmeSync\r\n\r\n[secrets]\r\n", eol="\r\n", forbid="\n\r ;#"),
    Host("crlf", ["windows/deploy.ps1"], [upper, lambda n: n], lambda n, v: f'$env:{n} = "{v}"',
         header="# Deployment script (Windows)\r\nSet-StrictMode -Version Latest\r\n", eol="\r\n",
         forbid="\n\r\"$`"),
    Host("minified-js", ["web/dist/app.min.js"], [camel, lambda n: n], lambda n, v: f'{n}:"{v}"',
         header='!function(){"use strict";var e={', sep=",",
         footer='};window.__cfg=e;function t(n){return e[n]}window.cfg=t}();', forbid="\n\"\\"),
]


# ----------------------------------------------------------------------------------------------------------
# Corpus assembly
# ----------------------------------------------------------------------------------------------------------


@dataclass
class File:
    path: str
    eol: str = "\n"
    chunks: list[str] = field(default_factory=list)
    expects: list[tuple[str, str, str]] = field(default_factory=list)  # (anchor, rule id, category)
    header: str = ""
    footer: str = ""
    sep: str = "\n"
    raw: str | None = None  # content given whole (JSON documents...)
    encoding: str = "utf-8"

    def content(self) -> str:
        if self.raw is not None:
            return self.raw
        body = self.sep.join(self.chunks)
        text = self.header + body + ("\n" if self.sep == "\n" and body else "") + self.footer
        if self.eol != "\n":
            text = text.replace("\r\n", "\n").replace("\n", self.eol)
        return text


class Corpus:
    def __init__(self):
        self.files: dict[str, File] = {}
        self.negatives: dict[str, int] = {}
        self.positives: dict[str, int] = {}
        self.per_rule: dict[str, int] = {}
        self.category: dict[tuple[str, int, str], str] = {}

    def file(self, path: str, **kw) -> File:
        if path not in self.files:
            self.files[path] = File(path, **kw)
        return self.files[path]

    def positive(self, f: File, anchor: str, rule_id: str, category: str):
        f.expects.append((anchor, rule_id, category))

    def negative(self, category: str, n: int = 1):
        self.negatives[category] = self.negatives.get(category, 0) + n

    def write(self) -> list[dict]:
        expected = []
        contents = {}
        for path in sorted(self.files):
            f = self.files[path]
            text = contents[path] = f.content()
            for anchor, rule_id, category in f.expects:
                at = text.find(anchor)
                if at < 0 or text.find(anchor, at + 1) >= 0:
                    raise SystemExit(f"{path}: anchor for {rule_id} not found exactly once: {anchor[:40]!r}")
                line = text.count("\n", 0, at) + 1
                expected.append({"path": path, "line": line, "rule_id": rule_id})
                self.category[(path, line, rule_id)] = category
                self.positives[category] = self.positives.get(category, 0) + 1
                self.per_rule[rule_id] = self.per_rule.get(rule_id, 0) + 1
        keys = [(e["path"], e["line"], e["rule_id"]) for e in expected]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise SystemExit(f"duplicate expected entries (same rule twice on one line): {sorted(dup)[:5]}")
        expected.sort(key=lambda e: (e["path"], e["line"], e["rule_id"]))
        if OUT.exists():
            shutil.rmtree(OUT)
        for path, text in contents.items():
            dest = OUT / path
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_bytes(text.encode(self.files[path].encoding))
        return expected


# ----------------------------------------------------------------------------------------------------------
# Hosts for multi-line values, special credential files, and encodings
# ----------------------------------------------------------------------------------------------------------


def indent(v: str, n: int) -> str:
    return "\n".join(" " * n + line if line else line for line in v.split("\n"))


MULTI_HOSTS: list[Host] = [
    Host("pem-file", ["keys/{slug}.pem"], [lambda n: n], lambda n, v: v, forbid="", multi=True),
    Host("yaml", ["deploy/ansible/group_vars/all.yml"], [snake, lambda n: n],
         lambda n, v: f"{n}: |\n{indent(v, 2)}", header="---\nenv: production\n", forbid="", multi=True),
    Host("python", ["app/keys.py"], [upper, lambda n: n], lambda n, v: f'{n} = """{v}"""',
         header="# Signing keys for the webhook relay.\n", forbid='"\\\\', multi=True),
    Host("terraform", ["infra/keys.tf"], [snake, lambda n: n],
         lambda n, v: f'resource "tls_cert_request" "{n}" {{\n  private_key_pem = <<EOT\n{v}\nEOT\n}}',
         forbid="", multi=True),
    Host("json", ["config/keys.json"], [snake, lambda n: n], lambda n, v: f'  "{n}": "{v}",',
         header='{\n  "version": 3,\n', footer='  "rotated": false\n}\n', forbid='"\\\\', multi=True,
         transform=lambda v: v.replace("\n", "\\n")),
    Host("shell", ["scripts/install-key.sh"], [snake, lambda n: n],
         lambda n, v: f"cat > /etc/acme/{n} <<'EOF'\n{v}\nEOF",
         header="#!/bin/sh\nset -e\nmkdir -p /etc/acme\n", forbid="", multi=True),
]

# Credential files with a fixed layout; the name is not used (a registry, host or section takes its place).
SPECIAL_HOSTS: list[Host] = [
    Host("npmrc", [".npmrc", "packages/web/.npmrc"], [lambda n: n],
         lambda n, v: f"//registry.npmjs.org/:_authToken={v}", header="registry=https://registry.npmjs.org/\n",
         forbid="\n \"'#;"),
    Host("pypirc", [".pypirc"], [kebab],
         lambda n, v: f"[{n}]\nrepository = https://upload.pypi.org/legacy/\nusername = __token__\npassword = {v}\n",
         header="[distutils]\nindex-servers =\n    pypi\n\n", forbid="\n \"'#;"),
    Host("netrc", ["home/deploy/.netrc"], [kebab],
         lambda n, v: f"machine {n}.internal.acme.io login deploy password {v}", forbid="\n \"'#"),
    Host("git-credentials", ["home/deploy/.git-credentials"], [kebab],
         lambda n, v: f"https://deploy:{v}@{n}.acme.io", forbid="\n \"'#@:/?"),
]


def slugify(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


# ----------------------------------------------------------------------------------------------------------
# Positives
# ----------------------------------------------------------------------------------------------------------


def glob_path(glob: str, n: int) -> str:
    """A relative corpus path matching a rule's `paths` glob."""
    g = glob.replace("**/", f"repo{n}/").replace("**", f"d{n}").replace("*", f"app{n}").replace("?", "x")
    g = re.sub(r"\{([^,}]*)[^}]*\}", r"\1", g)
    g = re.sub(r"\[!?([^\]])[^\]]*\]", r"\1", g)
    return g.lstrip("/")


def render(host: Host, name: str, value: str, secret: str, rule: Rule, host_path: str,
           trust: bool = False) -> tuple[str, str] | None:
    """(chunk, anchor) if the rule finds the secret when the value is written in this host, else None.
    With `trust` (a token that stands on its own, like `ghp_...`), the host is used whatever the rule's regex
    says: a scanner must find such a token in any file, so a miss there is a finding about the rule."""
    if any(c in value for c in host.forbid) or (not host.multi and "\n" in value):
        return None
    if trust:
        if not rule.applies_to(host_path):
            return None
        t = host.transform or (lambda x: x)
        return host.render(host.styles[0](name) or name, t(value)), t(secret)
    t = host.transform or (lambda x: x)
    for style in host.styles:
        n = style(name)
        if not n:
            continue
        chunk = host.render(n, t(value))
        anchor = t(secret)
        context = host.header + chunk + "\n" + host.footer
        if finds(rule, context.replace("\r\n", "\n"), anchor) and rule.applies_to(host_path):
            return chunk, anchor
    return None


class Positives:
    def __init__(self, corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule]):
        self.corpus = corpus
        self.rules = rules
        self.by_id = by_id
        self.kind_use: dict[str, int] = {}
        self.k8s_n = 0
        self.blob_n = 0

    def overlapping(self, rule: Rule, text: str, anchor: str, path: str) -> list[str]:
        """Other rules at least as precise as `rule` whose secret overlaps `anchor` in `text`. The engine reports
        one finding per secret, from the most precise rule; where another rule ties or wins, the label would
        be a guess, so such placements are avoided."""
        at = text.find(anchor)
        span = (at, at + len(anchor))
        out = []
        for other in self.rules:
            if other is rule or not other.applies_to(path) or other.rank < rule.rank:
                continue
            for s, e in secret_spans(other, text):
                sec = text[s:e]
                if s < span[1] and span[0] < e and acceptable(other, sec) and not looks_placeholder(sec) \
                        and (other.high or not looks_like_digest(sec)):
                    out.append(other.id)
                    break
        return out

    def host_file(self, host: Host, path: str) -> File:
        f = self.corpus.file(path, eol=host.eol, header=host.header, footer=host.footer, sep=host.sep)
        return f

    def place_doc(self, s: Sample, n: int) -> bool:
        """The re-randomised example itself, in a Markdown runbook (or the file its rule is restricted to)."""
        rule = s.rule
        if rule.paths or rule.data.get("example_path"):
            candidates = []
            ep = rule.data.get("example_path")
            if ep:
                candidates += [f"{slugify(rule.id)}-{n}/{ep}", f"home/user{n}/{ep}"]
            candidates += [glob_path(g, n) for g in rule.data.get("paths", [])]
            path = next((c for c in candidates if rule.applies_to(c)), None)
            if path is None:
                return False
            f = self.corpus.file(path)
            f.chunks.append(s.text.rstrip("\n"))
            kind = "path-restricted"
        else:
            provider, kind_name = rule.id.split(".", 1)
            f = self.corpus.file(f"docs/runbooks/{provider}/{kind_name}.md",
                                 header=f"# {provider.title()} {kind_name.replace('-', ' ')} runbook\n\n")
            f.chunks.append(f"Credentials used by the integration (example {n + 1}):\n\n```\n{s.text.rstrip()}\n```\n")
            kind = "markdown"
        self.corpus.positive(f, s.secret, rule.id, kind)
        for secret, rid in s.companions:
            self.corpus.positive(f, secret, rid, kind)
        return True

    def doc_clash(self, s: Sample) -> bool:
        return bool(self.overlapping(s.rule, s.text, s.secret, "docs/runbooks/x.md"))

    def place_host(self, s: Sample, rng: random.Random, used_kinds: set[str]) -> bool:
        rule = s.rule
        name = s.name or rule.id.replace(".", "_").replace("-", "_")
        pool = (MULTI_HOSTS if "\n" in s.value else HOSTS + SPECIAL_HOSTS)
        standalone = (rule.high and rule.requires is None and "\n" not in s.value
                      and finds(rule, f"\n{s.value}\n", s.secret))
        options = []
        for host in pool:
            if host.kind in used_kinds or (host in SPECIAL_HOSTS and s.value != s.secret):
                continue
            path = rng.choice(host.paths).replace("{slug}", slugify(rule.id) + str(len(used_kinds)))
            companion_chunks = []
            partners = [(sec, rid) for sec, rid in s.companions if rid != rule.id]
            if rule.requires is not None and partners:
                # The pairing rule needs its partner (an AWS key id...) nearby: write it first.
                ok = True
                for secret, rid in partners:
                    cs = s.text.find(secret)
                    cname, cvalue = split_assignment(s.text, cs, cs + len(secret))
                    r = render(host, cname or rid.replace(".", "_"), cvalue, secret, self.by_id[rid], path)
                    if r is None:
                        ok = False
                        break
                    companion_chunks.append((r, rid))
                if not ok:
                    continue
            r = render(host, name, s.value, s.secret, rule, path, trust=standalone)
            if r is None:
                continue
            if companion_chunks:
                whole = host.sep.join([c for (c, _), _ in companion_chunks] + [r[0]])
                if not finds(rule, host.header + whole + "\n", r[1]):
                    continue
            clash = bool(self.overlapping(rule, host.header + r[0] + "\n", r[1], path))
            options.append((clash, self.kind_use.get(host.kind, 0), rng.random(), host, path, r, companion_chunks))
        options = [o for o in options if not o[0]]
        if not options:
            return False
        options.sort(key=lambda o: o[:3])
        _, _, _, host, path, (chunk, anchor), companion_chunks = options[0]
        f = self.host_file(host, path)
        if any(rid == rule.id for _, rid, _ in f.expects) and host.sep != "\n":
            return False  # one line holds the whole file: a second secret of this rule would share its line
        for (cchunk, canchor), rid in companion_chunks:
            f.chunks.append(cchunk)
            self.corpus.positive(f, canchor, rid, host.kind)
        f.chunks.append(chunk)
        self.corpus.positive(f, anchor, rule.id, host.kind)
        self.kind_use[host.kind] = self.kind_use.get(host.kind, 0) + 1
        used_kinds.add(host.kind)
        return True

    def place_k8s(self, s: Sample) -> bool:
        """Kubernetes Secret `data:` value: base64 of the value, decoded and scanned by the engine."""
        rule = s.rule
        if "\n" in s.value or rule.requires is not None or rule.paths:
            return False
        for key in (upper(s.name or rule.id), s.name or "", snake(rule.id)):
            if key and finds(rule, f"{key}: {s.value}\n", s.secret):
                break
        else:
            return False
        enc = base64.b64encode(s.value.encode()).decode()
        n = self.k8s_n // 6
        path = f"k8s/base/secrets-{n}.yaml"
        f = self.corpus.file(
            path,
            header=f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: app-secrets-{n}\n  labels:\n"
                   f"    app.kubernetes.io/part-of: acme\ntype: Opaque\ndata:\n",
        )
        f.chunks.append(f"  {key}: {enc}")
        self.corpus.positive(f, enc, rule.id, "k8s-secret-data")
        self.k8s_n += 1
        return True

    def place_blob(self, s: Sample) -> bool:
        """A base64 blob (standard or URL-safe) of a small env file holding the secret."""
        rule = s.rule
        if rule.requires is not None or rule.paths:
            return False
        name = upper(s.name or rule.id)
        if "\n" in s.value:
            if s.companions:
                return False
            text = s.text if s.text.endswith("\n") else s.text + "\n"
            anchor_secret = s.secret
        else:
            text = f"# generated by bootstrap\n{name}={s.value}\nREGION=eu-west-1\n"
            anchor_secret = s.secret
        if not finds(rule, text, anchor_secret):
            return False
        raw = text.encode()
        urlsafe = self.blob_n % 3 == 2
        enc = (base64.urlsafe_b64encode(raw).rstrip(b"=") if urlsafe else base64.b64encode(raw)).decode()
        if len(enc) < 32 or not (re.search("[A-Z]", enc) and re.search("[a-z]", enc) and re.search("[0-9]", enc)):
            return False
        bare = s.value == s.secret and "\n" not in s.value
        if self.blob_n % 4 == 3 and bare and finds(rule, f"ci-bot:{s.value}", s.secret):
            # Docker config.json `auths`: base64 of user:token.
            enc = base64.b64encode(f"ci-bot:{s.value}".encode()).decode()
            f = self.corpus.file(f"home/ci{self.blob_n}/.docker/config.json", raw="")
            f.chunks.append(enc)
            f.raw = json.dumps({"auths": {"registry.acme.io": {"auth": enc}}, "credsStore": ""}, indent=2) + "\n"
            self.corpus.positive(f, enc, rule.id, "docker-config-auth")
            self.blob_n += 1
            return True
        if self.blob_n % 4 == 1 and bare and finds(rule, f"svc-jira@acme.io:{s.value}", s.secret):
            enc = base64.b64encode(f"svc-jira@acme.io:{s.value}".encode()).decode()
            f = self.corpus.file("http/integration.http", header="### Smoke test the integration\n")
            f.chunks.append(f"GET https://acme.atlassian.net/rest/api/3/myself\nAuthorization: Basic {enc}\n"
                            "Accept: application/json\n")
            # One secret, one label: the provider rule that names what to revoke, not `http.basic-auth`.
            self.corpus.positive(f, enc, rule.id, "authorization-basic")
            self.blob_n += 1
            return True
        if self.blob_n % 2 == 0:
            f = self.corpus.file("ci/bootstrap.sh", header="#!/bin/sh\n# Restores the runtime environment.\nset -e\n")
            f.chunks.append(f"echo '{enc}' | base64 -d >> /srv/app/.env")
        else:
            f = self.corpus.file("config/bundle.json", raw="")
            f.chunks.append(enc)
        self.corpus.positive(f, enc, rule.id, "base64-blob")
        self.blob_n += 1
        return True

    def edge_cases(self):
        """Tokens that stand on their own, in places that trip scanners up: query strings, CSV, SQL, XML, HTML
        attributes, notebooks (escaped JSON), Bearer headers, a BOM, Latin-1 bytes, no final newline, a 20 KB
        minified line, base64 wrapped at 76 columns, and a Kubernetes Secret written as JSON."""
        pool = []
        for rule in sorted(self.rules, key=lambda r: r.id):
            if not rule.high or rule.requires is not None or rule.paths:
                continue
            rng = random.Random(f"{SEED}:edge:{rule.id}")
            for ex in rule.data.get("examples", []):
                smp = make_sample(rule, ex, rng, self.by_id)
                if smp and "\n" not in smp.value and not smp.companions and finds(rule, f"\n{smp.value}\n", smp.secret) \
                        and not re.search(r"[\"'\\\\<>&,\s]", smp.value):
                    pool.append(smp)
                    break
        order = random.Random(f"{SEED}:edge-order")
        order.shuffle(pool)
        it = iter(pool)

        def nxt() -> Sample:
            return next(it)

        def add(path: str, text: str, samples: list[Sample], category: str, **kw):
            f = self.corpus.file(path, **kw)
            f.chunks.append(text)
            for s in samples:
                self.corpus.positive(f, s.value if s.value in text else s.secret, s.rule.id, category)

        try:
            a = nxt()
            add("logs/api-2024-06-11.log",
                f"2024-06-11T10:22:31Z INFO  http: GET /v1/sync?access_token={a.value}&page=2 status=200 41ms", [a],
                "query-string",
                header="2024-06-11T10:22:30Z INFO  starting worker pool size=8\n")
            a = nxt()
            add("data/integrations-export.csv", f"17,billing,{a.value},2024-05-01T09:00:00Z", [a], "csv",
                header="id,service,credential,created_at\n16,search,,2024-04-30T12:00:00Z\n")
            a = nxt()
            add("db/seed_integrations.sql", f"INSERT INTO integrations (name, token) VALUES ('ci', '{a.value}');", [a],
                "sql", header="-- seed data for local development\n")
            a, b = nxt(), nxt()
            add("config/tokens.json", json.dumps({"tokens": [a.value], "fallback": [b.value]}), [a, b], "json")
            a = nxt()
            add("config/app.xml", f"  <apiToken>{a.value}</apiToken>", [a], "xml",
                header='<?xml version="1.0" encoding="UTF-8"?>\n<settings>\n', footer="</settings>\n")
            a = nxt()
            nb = {"cells": [{"cell_type": "code", "execution_count": 3, "metadata": {}, "outputs": [],
                             "source": ["from acme import Client\n", f'client = Client(token="{a.value}")\n',
                                        "client.sync()"]}],
                  "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
                  "nbformat": 4, "nbformat_minor": 5}
            f = self.corpus.file("notebooks/explore.ipynb", raw=json.dumps(nb, indent=1) + "\n")
            self.corpus.positive(f, a.value, a.rule.id, "notebook")
            a = nxt()
            add("web/templates/embed.html", f'<div id="widget" data-token="{a.value}" data-theme="dark"></div>', [a],
                "html", header="<!-- widget embed -->\n")
            a = nxt()
            add("scripts/smoke.sh", f'curl -fsS -H "Authorization: Bearer {a.value}" https://api.acme.io/v1/me', [a],
                "shell", header="#!/bin/sh\nset -e\n")
            a = nxt()
            add("docs/credentials-inventory.md", f"| ci-sync | {a.value} | rotated 2024-05 |", [a], "markdown",
                header="| service | credential | notes |\n|---|---|---|\n")
            a = nxt()
            add("config/bom.env", f"TOKEN={a.value}", [a], "bom", header="\ufeffAPP_ENV=production\n")
            a = nxt()
            f = self.corpus.file("legacy/parametres.properties", header="# Paramètres de l'intégration (Latin-1)\n")
            f.encoding = "latin-1"
            f.chunks.append(f"intégration.jeton={a.value}")
            self.corpus.positive(f, a.value, a.rule.id, "latin-1")
            a = nxt()
            f = self.corpus.file("config/no-final-newline.txt", raw=f"# token for the nightly job\n{a.value}")
            self.corpus.positive(f, a.value, a.rule.id, "no-final-newline")
            a = nxt()
            add("deploy/values-list.yaml", f"  - {a.value}", [a], "yaml", header="allowedTokens:\n")
            a = nxt()
            add("config/tab-separated.tsv", f"ci\t{a.value}\tactive", [a], "tsv", header="name\ttoken\tstate\n")
            # One 20 KB minified line with the token in the middle (far from both ends of the line).
            a = nxt()
            filler = random.Random(f"{SEED}:filler")
            code = lambda n: "".join(  # noqa: E731
                filler.choice(["var a=1;", "function b(c){return c+1}", "x.y=z;", "if(a){b()}", "c=[1,2,3];"])
                for _ in range(n))
            f = self.corpus.file("web/dist/vendor.min.js",
                                 raw=f'{code(900)}window.__k="{a.value}";{code(900)}\n')
            self.corpus.positive(f, a.value, a.rule.id, "minified-js")
            # base64 wrapped at 76 columns (what `base64` prints by default); the token straddles a line break.
            a = nxt()
            text = f"# restored from vault on 2024-06-11\nTOKEN={a.value}\nREGION=eu-west-1\n"
            enc = base64.b64encode(text.encode()).decode()
            wrapped = "\n".join(enc[i:i + 76] for i in range(0, len(enc), 76))
            f = self.corpus.file("ci/restore-env.sh", header="#!/bin/sh\nbase64 -d > .env <<'EOF'\n", footer="EOF\n")
            f.chunks.append(wrapped)
            self.corpus.positive(f, enc[:76], a.rule.id, "base64-wrapped")
            # Kubernetes Secret as JSON (kubectl get secret -o json): data values are plain base64 strings.
            a, b = nxt(), nxt()
            doc = {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
                   "metadata": {"name": "sync-credentials", "namespace": "jobs"},
                   "data": {"token": base64.b64encode(a.value.encode()).decode(),
                            "fallback-token": base64.b64encode(b.value.encode()).decode()}}
            f = self.corpus.file("k8s/exported/sync-credentials.json", raw=json.dumps(doc, indent=4) + "\n")
            self.corpus.positive(f, doc["data"]["token"], a.rule.id, "k8s-secret-json")
            self.corpus.positive(f, doc["data"]["fallback-token"], b.rule.id, "k8s-secret-json")
        except StopIteration:
            pass

    def run(self) -> list[str]:
        short = []
        for rule in sorted(self.rules, key=lambda r: r.id):
            rng = random.Random(f"{SEED}:{rule.id}")
            samples = []
            for ex in rule.data.get("examples", []):
                smp = make_sample(rule, ex, rng, self.by_id)
                if smp is not None:
                    samples.append(smp)
            if not samples:
                short.append(f"{rule.id} (no example could be re-randomised)")
                continue
            placed = 0
            # The runbook gets the first example whose secret no other rule claims as well.
            first = next((smp for smp in samples if not self.doc_clash(smp)), samples[0])
            if self.place_doc(first, 0):
                placed += 1
            used: set[str] = set()
            want = 2
            i = 1
            tries = 0
            while want and tries < 2 * len(samples) + 4:
                smp = samples[i % len(samples)]
                if self.place_host(smp, rng, used):
                    placed += 1
                    want -= 1
                i += 1
                tries += 1
            extra = rng.random()
            last = samples[-1]
            if extra < 0.22:
                placed += self.place_k8s(last)
            elif extra < 0.36:
                placed += self.place_blob(last)
            n = 1
            while placed < 2 and n < len(samples) + 2:
                if self.place_doc(samples[n % len(samples)], n):
                    placed += 1
                n += 1
            if placed < 2:
                short.append(rule.id)
        self.edge_cases()
        # JSON documents are rendered whole.
        bundle = self.corpus.files.get("config/bundle.json")
        if bundle is not None:
            doc = {"name": "acme-api", "version": "2.3.1", "bootstrap": {f"env{i}": v for i, v in enumerate(bundle.chunks)}}
            bundle.raw = json.dumps(doc, indent=2) + "\n"
        return short


def add_positives(corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule], problems: list[str]) -> list[str]:
    return Positives(corpus, [r for r in rules if r.py is not None], by_id).run()


# ----------------------------------------------------------------------------------------------------------
# Negatives
# ----------------------------------------------------------------------------------------------------------


def rhex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def rb64(rng: random.Random, nbytes: int, urlsafe: bool = False) -> str:
    raw = rng.randbytes(nbytes)
    return (base64.urlsafe_b64encode(raw) if urlsafe else base64.b64encode(raw)).decode()


def ruuid(rng: random.Random) -> str:
    h = rhex(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def wrap64(s: str) -> str:
    return "\n".join(s[i : i + 64] for i in range(0, len(s), 64))


def pem(kind: str, der: bytes) -> str:
    return f"-----BEGIN {kind}-----\n{wrap64(base64.b64encode(der).decode())}\n-----END {kind}-----"


def der_like(rng: random.Random, n: int) -> bytes:
    return b"\x30\x82" + (n - 4).to_bytes(2, "big") + rng.randbytes(n - 4)


def bcrypt_like(rng: random.Random, variant: str = "2b") -> str:
    alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return f"${variant}${rng.choice(['10', '12', '14'])}$" + "".join(rng.choice(alphabet) for _ in range(53))


def argon2_like(rng: random.Random) -> str:
    salt = base64.b64encode(rng.randbytes(16)).decode().rstrip("=")
    digest = base64.b64encode(rng.randbytes(32)).decode().rstrip("=")
    return f"$argon2id$v=19$m=65536,t=3,p=4${salt}${digest}"


def scrypt_hash(rng: random.Random, password: bytes) -> str:
    salt = rng.randbytes(16)
    dk = hashlib.scrypt(password, salt=salt, n=1 << 14, r=8, p=1, dklen=32)
    enc = lambda b: base64.b64encode(b).decode().rstrip("=")  # noqa: E731
    return f"$scrypt$ln=14,r=8,p=1${enc(salt)}${enc(dk)}"


def pbkdf2_django(rng: random.Random, password: bytes) -> str:
    salt = "".join(rng.choice(ALNUM) for _ in range(22))
    dk = hashlib.pbkdf2_hmac("sha256", password, salt.encode(), 1000)
    return f"pbkdf2_sha256$870000${salt}${base64.b64encode(dk).decode()}"


def sha512_crypt_like(rng: random.Random) -> str:
    alphabet = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    salt = "".join(rng.choice(alphabet) for _ in range(16))
    return f"$6${salt}$" + "".join(rng.choice(alphabet) for _ in range(86))


NPM_PACKAGES = [
    ("react", "18.3.1"), ("react-dom", "18.3.1"), ("loose-envify", "1.4.0"), ("js-tokens", "4.0.0"),
    ("scheduler", "0.23.2"), ("axios", "1.7.2"), ("follow-redirects", "1.15.6"), ("form-data", "4.0.0"),
    ("proxy-from-env", "1.1.0"), ("asynckit", "0.4.0"), ("combined-stream", "1.0.8"), ("delayed-stream", "1.0.0"),
    ("mime-types", "2.1.35"), ("mime-db", "1.52.0"), ("lodash", "4.17.21"), ("@babel/code-frame", "7.24.7"),
    ("@babel/highlight", "7.24.7"), ("picocolors", "1.0.1"), ("chalk", "4.1.2"), ("ansi-styles", "4.3.0"),
    ("supports-color", "7.2.0"), ("has-flag", "4.0.0"), ("color-convert", "2.0.1"), ("color-name", "1.1.4"),
    ("typescript", "5.5.3"), ("zod", "3.23.8"), ("dotenv", "16.4.5"), ("express", "4.19.2"),
    ("jsonwebtoken", "9.0.2"), ("passport", "0.7.0"), ("@octokit/auth-token", "4.0.0"), ("keytar", "7.9.0"),
]
CRATES = [
    ("aho-corasick", "1.1.3", ["memchr"]), ("anstream", "0.6.14", ["anstyle", "utf8parse"]), ("anstyle", "1.0.7", []),
    ("anyhow", "1.0.86", []), ("bitflags", "2.6.0", []), ("bstr", "1.9.1", ["memchr", "serde"]),
    ("cfg-if", "1.0.0", []), ("clap", "4.5.9", ["clap_builder", "clap_derive"]), ("crc32fast", "1.4.2", ["cfg-if"]),
    ("globset", "0.4.14", ["aho-corasick", "bstr", "log", "regex-automata", "regex-syntax"]), ("log", "0.4.22", []),
    ("memchr", "2.7.4", []), ("regex", "1.10.5", ["aho-corasick", "memchr", "regex-automata", "regex-syntax"]),
    ("regex-automata", "0.4.7", ["aho-corasick", "memchr", "regex-syntax"]), ("regex-syntax", "0.8.4", []),
    ("serde", "1.0.204", ["serde_derive"]), ("serde_json", "1.0.120", ["itoa", "ryu", "serde"]), ("itoa", "1.0.11", []),
    ("ryu", "1.0.18", []), ("secrecy", "0.8.0", ["zeroize"]), ("utf8parse", "0.2.2", []), ("zeroize", "1.8.1", []),
]
GO_MODULES = [
    ("github.com/aws/aws-sdk-go-v2", "v1.30.3"), ("github.com/aws/smithy-go", "v1.20.3"),
    ("github.com/google/uuid", "v1.6.0"), ("github.com/jmespath/go-jmespath", "v0.4.0"),
    ("github.com/spf13/cobra", "v1.8.1"), ("github.com/spf13/pflag", "v1.0.5"),
    ("github.com/stretchr/testify", "v1.9.0"), ("golang.org/x/net", "v0.27.0"), ("golang.org/x/sys", "v0.22.0"),
    ("golang.org/x/text", "v0.16.0"), ("gopkg.in/yaml.v3", "v3.0.1"), ("github.com/davecgh/go-spew", "v1.1.1"),
]
PY_PACKAGES = [
    ("certifi", "2024.7.4", "Python package for providing Mozilla's CA Bundle."),
    ("charset-normalizer", "3.3.2", "The Real First Universal Charset Detector."),
    ("idna", "3.7", "Internationalized Domain Names in Applications (IDNA)"),
    ("requests", "2.32.3", "Python HTTP for Humans."), ("urllib3", "2.2.2", "HTTP library with thread-safe connection pooling."),
    ("boto3", "1.34.144", "The AWS SDK for Python"), ("botocore", "1.34.144", "Low-level, data-driven core of boto 3."),
    ("pydantic", "2.8.2", "Data validation using Python type hints"),
    ("keyring", "25.2.1", "Store and access your passwords safely."),
]
GEMS = [
    ("actioncable", "7.1.3.4"), ("actionpack", "7.1.3.4"), ("activesupport", "7.1.3.4"), ("concurrent-ruby", "1.3.3"),
    ("bcrypt", "3.1.20"), ("i18n", "1.14.5"), ("jwt", "2.8.2"), ("minitest", "5.24.1"), ("nokogiri", "1.16.6"),
    ("racc", "1.8.0"), ("rack", "3.1.7"),
    ("rails", "7.1.3.4"), ("tzinfo", "2.0.6"), ("zeitwerk", "2.6.16"),
]


def lockfiles(rng: random.Random) -> dict[str, str]:
    out = {}
    # package-lock.json (npm v3 lockfile)
    pkgs = {"": {"name": "acme-web", "version": "1.4.0", "license": "UNLICENSED",
                 "dependencies": {n: "^" + v for n, v in NPM_PACKAGES[:6]}}}
    for n, v in NPM_PACKAGES:
        base = n.split("/")[-1]
        entry = {"version": v, "resolved": f"https://registry.npmjs.org/{n}/-/{base}-{v}.tgz",
                 "integrity": ("sha512-" + rb64(rng, 64)) if rng.random() < 0.85 else ("sha1-" + rb64(rng, 20))}
        if rng.random() < 0.3:
            entry["dev"] = True
        if rng.random() < 0.3:
            entry["engines"] = {"node": ">=0.10.0"}
        pkgs[f"node_modules/{n}"] = entry
    pkgs["node_modules/acme-internal-ui"] = {
        "version": "0.9.0", "resolved": f"git+ssh://git@github.com/acme/internal-ui.git#{rhex(rng, 40)}",
        "license": "UNLICENSED"}
    out["web/package-lock.json"] = json.dumps(
        {"name": "acme-web", "version": "1.4.0", "lockfileVersion": 3, "requires": True, "packages": pkgs},
        indent=2) + "\n"
    # yarn.lock v1
    y = ["# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.", "# yarn lockfile v1", "", ""]
    for n, v in sorted(NPM_PACKAGES):
        base = n.split("/")[-1]
        key = f'"{n}@^{v}"' if n.startswith("@") else f"{n}@^{v}"
        y += [f"{key}:", f'  version "{v}"',
              f'  resolved "https://registry.yarnpkg.com/{n}/-/{base}-{v}.tgz#{rhex(rng, 40)}"',
              f"  integrity sha512-{rb64(rng, 64)}", ""]
    out["web/yarn.lock"] = "\n".join(y)
    # pnpm-lock.yaml v9
    p = ["lockfileVersion: '9.0'", "", "settings:", "  autoInstallPeers: true", "  excludeLinksFromLockfile: false",
         "", "importers:", "", "  .:", "    dependencies:"]
    for n, v in NPM_PACKAGES[:6]:
        p += [f"      {n}:", f"        specifier: ^{v}", f"        version: {v}"]
    p += ["", "packages:", ""]
    for n, v in NPM_PACKAGES:
        k = f"'{n}@{v}'" if n.startswith("@") else f"{n}@{v}"
        p += [f"  {k}:", f"    resolution: {{integrity: sha512-{rb64(rng, 64)}}}", ""]
    out["apps/dashboard/pnpm-lock.yaml"] = "\n".join(p)
    # Cargo.lock
    c = ["# This file is automatically @generated by Cargo.", "# It is not intended for manual editing.",
         "version = 3", ""]
    for n, v, deps in CRATES:
        c += ["[[package]]", f'name = "{n}"', f'version = "{v}"',
              'source = "registry+https://github.com/rust-lang/crates.io-index"', f'checksum = "{rhex(rng, 64)}"']
        if deps:
            c += ["dependencies = ["] + [f' "{d}",' for d in deps] + ["]"]
        c.append("")
    out["tools/indexer/Cargo.lock"] = "\n".join(c)
    # go.sum
    g = []
    for n, v in GO_MODULES:
        g.append(f"{n} {v} h1:{rb64(rng, 32)}")
        g.append(f"{n} {v}/go.mod h1:{rb64(rng, 32)}")
    out["services/sync/go.sum"] = "\n".join(g) + "\n"
    # poetry.lock
    pl = ["# This file is automatically @generated by Poetry 1.8.3 and should not be changed by hand.", ""]
    for n, v, d in PY_PACKAGES:
        fn = n.replace("-", "_")
        pl += ["[[package]]", f'name = "{n}"', f'version = "{v}"', f'description = "{d}"', "optional = false",
               'python-versions = ">=3.8"', "files = [",
               f'    {{file = "{fn}-{v}-py3-none-any.whl", hash = "sha256:{rhex(rng, 64)}"}},',
               f'    {{file = "{fn}-{v}.tar.gz", hash = "sha256:{rhex(rng, 64)}"}},', "]", ""]
    pl += ["[metadata]", 'lock-version = "2.0"', 'python-versions = "^3.11"', f'content-hash = "{rhex(rng, 64)}"', ""]
    out["services/reports/poetry.lock"] = "\n".join(pl)
    # Gemfile.lock with Bundler checksums
    gl = ["GEM", "  remote: https://rubygems.org/", "  specs:"]
    for n, v in GEMS:
        gl.append(f"    {n} ({v})")
    gl += ["", "PLATFORMS", "  ruby", "  x86_64-linux", "", "DEPENDENCIES", "  rails (~> 7.1)", "", "CHECKSUMS"]
    for n, v in GEMS:
        gl.append(f"  {n} ({v}) sha256={rhex(rng, 64)}")
    gl += ["", "BUNDLED WITH", "   2.5.11", ""]
    out["apps/storefront/Gemfile.lock"] = "\n".join(gl)
    return out


def png_bytes(rng: random.Random, n: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(n)


class Negatives:
    def __init__(self, corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule]):
        self.c = corpus
        self.rules = sorted([r for r in rules if r.py is not None], key=lambda r: r.id)
        self.by_id = by_id
        self.rng = random.Random(f"{SEED}:negatives")
        self.samples: dict[str, list[Sample]] = {}
        for r in self.rules:
            rng = random.Random(f"{SEED}:neg:{r.id}")
            ss = [make_sample(r, ex, rng, by_id) for ex in r.data.get("examples", [])]
            self.samples[r.id] = [s for s in ss if s is not None]

    def line(self, path: str, text: str, category: str, header: str = "", footer: str = "", eol: str = "\n"):
        f = self.c.file(path, header=header, footer=footer, eol=eol)
        f.chunks.append(text)
        self.c.negative(category)

    def host_line(self, host: Host, prefix: str, name: str, value: str, category: str, rule: Rule | None = None,
                  style_index: int = 0, comment: str = "", before: str = "") -> bool:
        if any(ch in value for ch in host.forbid) or ("\n" in value and not host.multi):
            return False
        path = f"{prefix}/{host.paths[0]}".replace("{slug}", "placeholder")
        if rule is not None and not rule.applies_to(path):
            return False
        n = host.styles[min(style_index, len(host.styles) - 1)](name) or name
        chunk = host.render(n, (host.transform or (lambda x: x))(value)) + comment
        if before:
            chunk = before + "\n" + chunk
        f = self.c.file(path, header=host.header, footer=host.footer, sep=host.sep, eol=host.eol)
        f.chunks.append(chunk)
        self.c.negative(category)
        return True

    def pick_hosts(self, rng: random.Random, k: int) -> list[Host]:
        pool = [h for h in HOSTS if h.kind not in ("minified-js",)]
        return rng.sample(pool, k)

    # -- placeholders, wrong checksums, suppressions: per rule ------------------------------------------

    def per_rule(self):
        whole = ["<your-token>", "${%U}", "{{ %s }}", "%s", "REDACTED", "********", "changeme", "your_api_key_here",
                 "<%= ENV['%U'] %>", "xxxxxxxxxxxxxxxx", "{{ .Values.%c }}", "$%U"]
        markers = ["# plimsoll:allow", "# gitleaks:allow", "# pragma: allowlist secret", "nextline"]
        slash_hosts = {"javascript", "typescript", "go", "java", "csharp", "php", "minified-js"}
        for i, rule in enumerate(self.rules):
            rng = random.Random(f"{SEED}:negrule:{rule.id}")
            samples = self.samples.get(rule.id) or []
            if not samples:
                continue
            s = samples[0]
            name = s.name or rule.id.replace(".", "_").replace("-", "_")
            if "\n" in s.secret:
                # Truncated key in documentation.
                lines = s.secret.split("\n")
                trunc = "\n".join([lines[0], "...", lines[-1]]) if len(lines) > 2 else s.secret[:20] + "..."
                self.line("negatives/placeholders/keys-in-docs.md", "```\n" + s.text.replace(s.secret, trunc) + "\n```",
                          "placeholder")
            else:
                prefix = ""
                for lit in rule.literals:
                    if s.secret.lower().startswith(lit.lower()) and len(lit) > len(prefix):
                        prefix = s.secret[: len(lit)]
                rest = s.secret[len(prefix):]
                shapes = [prefix + "x" * len(rest)]
                if len(rest) >= 12:
                    ex = "EXAMPLE" if any(ch.isupper() for ch in rest) else "example"
                    k = rng.randrange(0, len(rest) - 7)
                    cand = prefix + rest[:k] + ex + rest[k + 7:]
                    if rule.checksum in ("github-crc32", "npm-crc32"):
                        m = re.search(r"([A-Za-z0-9]{36})$", cand)
                        if m:
                            cand = crc_token(cand[: m.start()], (cand[m.start():] + "x" * 30)[:30])
                    shapes.append(cand)
                for h, shape in zip(self.pick_hosts(rng, len(shapes)), shapes):
                    self.host_line(h, "negatives/placeholders", name, s.value.replace(s.secret, shape),
                                   "placeholder", rule)
                for h in self.pick_hosts(rng, 2):
                    w = rng.choice(whole).replace("%U", upper(name)).replace("%c", camel(name))
                    if w == "{{ %s }}":
                        w = "{{ %s }}" % snake(name)
                    self.host_line(h, "negatives/placeholders", name, w, "placeholder")
            # Wrong checksum
            if rule.checksum in ("github-crc32", "npm-crc32"):
                for k, smp in enumerate(samples[:3]):
                    tok = smp.secret
                    j = len(tok) - 36 + rng.randrange(30)
                    bad = tok[:j] + rng.choice([ch for ch in ALNUM if ch != tok[j]]) + tok[j + 1:]
                    h = self.pick_hosts(rng, 1)[0]
                    self.host_line(h, "negatives/wrong-checksum", smp.name or name, smp.value.replace(tok, bad),
                                   "wrong-checksum", rule)
            elif rule.checksum == "jwt":
                for smp in samples[:2]:
                    parts = re.search(r"eyJ[\w-]+\.(eyJ[\w-]+)\.([\w-]+)", smp.secret)
                    if parts:
                        bad = b64url(b'{"typ":"JWT","kid":"k1"}') + "." + parts.group(1) + "." + parts.group(2)
                        h = self.pick_hosts(rng, 1)[0]
                        self.host_line(h, "negatives/wrong-checksum", smp.name or name,
                                       smp.value.replace(parts.group(0), bad), "wrong-checksum", rule)
            elif rule.checksum == "basic-auth":
                for smp in samples[:2]:
                    bad = base64.b64encode(("nocolon" + rand_password(rng, 18)).encode()).decode()
                    self.line("negatives/wrong-checksum/requests.http", smp.text.replace(smp.secret, bad),
                              "wrong-checksum")
            # Inline suppression: a real-format token that would be found without the marker.
            smp = samples[-1]
            marker = markers[i % len(markers)]
            if "\n" in smp.value:
                # Multi-line secrets (private keys) take detect-secrets' marker on the line before the match.
                path = f"negatives/suppressed/keys/{slugify(rule.id)}.txt"
                m = next((m for m in rule.py.finditer(smp.text.encode())
                          if m.group(rule.group) == smp.secret.encode()), None) if rule.py else None
                if m is not None and rule.applies_to(path):
                    at = smp.text.rfind("\n", 0, m.start()) + 1
                    self.line(path, smp.text[:at] + "# pragma: allowlist nextline secret\n" + smp.text[at:],
                              "suppressed")
                continue
            for h in self.pick_hosts(rng, 6):
                path = f"negatives/suppressed/{h.paths[0]}"
                if not rule.applies_to(path) or render(h, smp.name or name, smp.value, smp.secret, rule, path) is None:
                    continue
                slash = h.kind in slash_hosts
                if marker == "nextline":
                    before = ("// " if slash else "# ") + "pragma: allowlist nextline secret"
                    self.host_line(h, "negatives/suppressed", smp.name or name, smp.value, "suppressed", rule,
                                   before=before)
                else:
                    comment = "  " + (marker.replace("# ", "// ") if slash else marker)
                    self.host_line(h, "negatives/suppressed", smp.name or name, smp.value, "suppressed", rule,
                                   comment=comment)
                break

    # -- documented example keys ---------------------------------------------------------------------------

    def documented(self):
        aws_id, aws_secret = "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        self.line("negatives/documented/home/.aws/credentials",
                  f"[default]\naws_access_key_id = {aws_id}\naws_secret_access_key = {aws_secret}\nregion = us-east-1",
                  "documented-example", )
        self.c.negative("documented-example")
        self.line("negatives/documented/.env.example",
                  f"AWS_ACCESS_KEY_ID={aws_id}\nAWS_SECRET_ACCESS_KEY={aws_secret}", "documented-example")
        self.c.negative("documented-example")
        self.line("negatives/documented/provider.tf",
                  f'provider "aws" {{\n  region     = "us-west-2"\n  access_key = "{aws_id}"\n'
                  f'  secret_key = "{aws_secret}"\n}}', "documented-example")
        self.c.negative("documented-example")
        self.line("negatives/documented/s3_upload.py",
                  f"import boto3\n\ns3 = boto3.client(\n    's3',\n    aws_access_key_id='{aws_id}',\n"
                  f"    aws_secret_access_key='{aws_secret}',\n)", "documented-example")
        self.c.negative("documented-example")
        self.line("negatives/documented/stripe.md",
                  "```js\nconst stripe = require('stripe')('sk_test_4eC39HqLyjWDarjtT1zdp7dc');\n"
                  "const pk = 'pk_test_TYooMQauvdEDq54NiTphI7jx';\n```", "documented-example")
        self.c.negative("documented-example")
        self.line("negatives/documented/slack.md",
                  "export SLACK_BOT_TOKEN=xoxb-not-a-real-token-this-will-not-work", "documented-example")
        self.line("negatives/documented/jwt.md",
                  "Paste this sample into jwt.io:\n\n    eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwi"
                  "bmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
                  "documented-example")

    # -- environment and secret-store lookups ----------------------------------------------------------------

    def lookups(self):
        names = []
        for r in self.rules:
            for s in self.samples.get(r.id, [])[:1]:
                if s.name and len(s.name) >= 4:
                    names.append(s.name)
        names = sorted(set(names)) or ["api_key", "password", "token"]
        forms = {
            "python": [lambda n: f'{upper(n)} = os.environ["{upper(n)}"]',
                       lambda n: f'{snake(n)} = os.getenv("{upper(n)}")',
                       lambda n: f'{snake(n)} = os.environ.get("{upper(n)}", "")'],
            "javascript": [lambda n: f"const {camel(n)} = process.env.{upper(n)};",
                           lambda n: f"const {camel(n)} = process.env['{upper(n)}'] ?? '';"],
            "yaml": [lambda n: f"      {upper(n)}: ${{{{ secrets.{upper(n)} }}}}",
                     lambda n: f"      {snake(n)}: \"{{{{ vault_{snake(n)} }}}}\"",
                     lambda n: f"      {snake(n)}: \"{{{{ lookup('env', '{upper(n)}') }}}}\""],
            "go": [lambda n: f'\t{camel(n)} := os.Getenv("{upper(n)}")'],
            "java": [lambda n: f'    String {camel(n)} = System.getenv("{upper(n)}");'],
            "csharp": [lambda n: f'        var {camel(n)} = Environment.GetEnvironmentVariable("{upper(n)}");',
                       lambda n: f'        var {camel(n)} = configuration["{pascal(n)}"];'],
            "ruby": [lambda n: f'{snake(n)} = ENV["{upper(n)}"]', lambda n: f'{snake(n)} = ENV.fetch("{upper(n)}")',
                     lambda n: f"{snake(n)} = Rails.application.credentials.{snake(n)}"],
            "php": [lambda n: f"    '{snake(n)}' => env('{upper(n)}'),", lambda n: f"${camel(n)} = getenv('{upper(n)}');",
                    lambda n: f"${camel(n)} = $_ENV['{upper(n)}'];"],
            "terraform": [lambda n: f"  {snake(n)} = var.{snake(n)}",
                          lambda n: f"  {snake(n)} = data.aws_secretsmanager_secret_version.{snake(n)}.secret_string"],
            "shell": [lambda n: f'export {upper(n)}="${{{upper(n)}:?missing}}"',
                      lambda n: f"{upper(n)}=$(vault kv get -field={snake(n)} secret/ci)",
                      lambda n: f'curl -H "Authorization: Bearer ${upper(n)}" https://api.acme.io/v1/ping'],
            "env": [lambda n: f"{upper(n)}=${{{upper(n)}}}", lambda n: f"{upper(n)}=${{VAULT_{upper(n)}}}"],
            "dockerfile": [lambda n: f"ARG {upper(n)}\nENV {upper(n)}=${{{upper(n)}}}"],
            "properties": [lambda n: f"app.{dotted(n)}=${{{upper(n)}}}"],
            "toml": [lambda n: f'{snake(n)} = "${{{upper(n)}}}"'],
        }
        paths = {
            "python": "negatives/lookups/settings.py", "javascript": "negatives/lookups/config.js",
            "yaml": "negatives/lookups/.github/workflows/release.yml", "go": "negatives/lookups/config.go",
            "java": "negatives/lookups/Config.java", "csharp": "negatives/lookups/Startup.cs",
            "ruby": "negatives/lookups/secrets.rb", "php": "negatives/lookups/config.php",
            "terraform": "negatives/lookups/main.tf", "shell": "negatives/lookups/run.sh",
            "env": "negatives/lookups/.env", "dockerfile": "negatives/lookups/Dockerfile",
            "properties": "negatives/lookups/application.properties", "toml": "negatives/lookups/config.toml",
        }
        headers = {
            "python": "import os\n\n", "go": "package config\n\nimport \"os\"\n\nfunc load() {\n",
            "java": "public class Config {\n  void load() {\n", "csharp": "public class Startup {\n    void Load() {\n",
            "php": "<?php\n\n", "yaml": "name: release\non: push\njobs:\n  publish:\n    runs-on: ubuntu-latest\n"
            "    steps:\n      - uses: actions/checkout@v4\n    env:\n", "terraform": "module \"api\" {\n",
            "shell": "#!/usr/bin/env bash\nset -euo pipefail\n",
        }
        footers = {"go": "}\n", "java": "  }\n}\n", "csharp": "    }\n}\n", "terraform": "}\n"}
        kinds = sorted(forms)
        rng = self.rng
        for i, n in enumerate(names):
            for k in rng.sample(kinds, 3):
                form = forms[k][i % len(forms[k])]
                self.line(paths[k], form(n), "lookup", header=headers.get(k, ""), footer=footers.get(k, ""))
        # Kubernetes and Helm references
        self.line("negatives/lookups/deployment.yaml",
                  "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n"
                  "      containers:\n        - name: api\n          env:\n            - name: DB_PASSWORD\n"
                  "              valueFrom:\n                secretKeyRef:\n                  name: db-credentials\n"
                  "                  key: password\n            - name: STRIPE_SECRET_KEY\n              valueFrom:\n"
                  "                secretKeyRef: {name: stripe, key: secret-key}\n", "lookup")
        self.c.negative("lookup")
        self.line("negatives/lookups/helm/templates/secret.yaml",
                  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ include \"api.fullname\" . }}\ntype: Opaque\n"
                  "stringData:\n  password: {{ .Values.db.password | quote }}\n"
                  "  api-token: {{ required \"apiToken is required\" .Values.apiToken }}\n", "lookup")
        self.c.negative("lookup")

    # -- values that only look random --------------------------------------------------------------------

    def random_looking(self):
        rng = self.rng
        sha = lambda: rhex(rng, 40)  # noqa: E731
        # git SHAs
        self.line("negatives/digests/.github/workflows/ci.yml",
                  "name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
                  f"      - uses: actions/checkout@{sha()} # v4.1.7\n"
                  f"      - uses: actions/setup-node@{sha()} # v4.0.3\n"
                  "      - run: npm ci && npm test\n        env:\n"
                  "          NPM_TOKEN: ${{ secrets.NPM_TOKEN }}\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}",
                  "git-sha")
        self.c.negative("git-sha")
        self.c.negative("lookup", 2)
        self.line("negatives/digests/.pre-commit-config.yaml",
                  "repos:\n" + "".join(f"  - repo: https://github.com/{r}\n    rev: {sha()}\n    hooks:\n"
                                        f"      - id: {h}\n" for r, h in [("psf/black", "black"),
                                                                          ("pycqa/flake8", "flake8"),
                                                                          ("gitleaks/gitleaks", "gitleaks")]),
                  "git-sha")
        self.c.negative("git-sha", 2)
        self.line("negatives/digests/build-info.json", json.dumps({
            "commit": sha(), "commit_sha": sha(), "parent_sha": sha(), "tree": sha(), "build_id": ruuid(rng),
            "request_id": ruuid(rng), "trace_id": rhex(rng, 32), "git_token_sha": sha(),
            "artifact_sha256": rhex(rng, 64), "key_fingerprint_sha256": rhex(rng, 64)}, indent=2), "git-sha")
        self.c.negative("uuid", 2)
        self.c.negative("digest", 3)
        self.c.negative("git-sha", 3)
        self.line("negatives/digests/.env.build",
                  f"GIT_COMMIT={sha()}\nSOURCE_VERSION={sha()}\nBUILD_UUID={ruuid(rng)}\n"
                  f"SESSION_SECRET_SHA256={rhex(rng, 64)}\nADMIN_PASSWORD_SHA1={sha()}\n"
                  f"API_TOKEN_HASH={rhex(rng, 64)}\nCACHE_KEY={rhex(rng, 40)}", "git-sha")
        self.c.negative("git-sha", 2)
        self.c.negative("uuid")
        self.c.negative("digest", 4)
        # UUIDs in credential-adjacent names (identifiers, not secrets)
        self.line("negatives/digests/azure.auto.tfvars",
                  f'tenant_id       = "{ruuid(rng)}"\nsubscription_id = "{ruuid(rng)}"\nclient_id       = "{ruuid(rng)}"\n'
                  f'object_id       = "{ruuid(rng)}"\nkey_vault_secret_version = "{rhex(rng, 32)}"', "uuid")
        self.c.negative("uuid", 4)
        self.line("negatives/digests/appsettings.json", json.dumps({
            "AzureAd": {"Instance": "https://login.microsoftonline.com/", "TenantId": ruuid(rng),
                        "ClientId": ruuid(rng), "CallbackPath": "/signin-oidc"},
            "ApplicationInsights": {"InstrumentationKey": ruuid(rng)},
            "Correlation": {"RequestIdHeader": "X-Request-Id", "DefaultRequestId": ruuid(rng)}}, indent=2), "uuid")
        self.c.negative("uuid", 3)
        # sha256 / sha512 digests
        self.line("negatives/digests/docker-compose.yml",
                  "services:\n  db:\n    image: postgres@sha256:" + rhex(rng, 64) + "\n    environment:\n"
                  "      POSTGRES_PASSWORD_FILE: /run/secrets/db_password\n  cache:\n"
                  "    image: redis:7.2@sha256:" + rhex(rng, 64) + "\nsecrets:\n  db_password:\n"
                  "    file: ./secrets/db_password.txt", "digest")
        self.c.negative("digest")
        self.line("negatives/digests/SHA256SUMS", "\n".join(
            f"{rhex(rng, 64)}  plimsoll-{v}-{t}.tar.gz" for v in ("0.9.0", "1.0.0")
            for t in ("x86_64-unknown-linux-gnu", "aarch64-apple-darwin", "x86_64-pc-windows-msvc")), "digest")
        self.c.negative("digest", 5)
        self.line("negatives/digests/release-checksums.txt", "\n".join(
            f"sha512:{rhex(rng, 128)}  acme-cli_{o}_amd64.zip" for o in ("linux", "darwin", "windows")), "digest")
        self.c.negative("digest", 2)
        self.line("negatives/digests/Dockerfile.pinned",
                  f"FROM node:20-alpine@sha256:{rhex(rng, 64)} AS build\nARG NPM_TOKEN\n"
                  f"RUN echo \"//registry.npmjs.org/:_authToken=${{NPM_TOKEN}}\" > .npmrc && npm ci\n"
                  f"ADD --checksum=sha256:{rhex(rng, 64)} https://example.org/tool.tgz /tmp/\n", "digest")
        self.c.negative("digest")
        self.c.negative("lookup")
        self.line("negatives/digests/.terraform.lock.hcl",
                  'provider "registry.terraform.io/hashicorp/aws" {\n  version     = "5.58.0"\n'
                  '  constraints = "~> 5.0"\n  hashes = [\n'
                  + "".join(f'    "h1:{rb64(rng, 32)}",\n' for _ in range(2))
                  + "".join(f'    "zh:{rhex(rng, 64)}",\n' for _ in range(6)) + "  ]\n}", "digest")
        self.c.negative("digest", 7)
        # SRI integrity attributes
        self.line("negatives/digests/index.html",
                  "<!doctype html>\n<html>\n<head>\n"
                  f'  <script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" '
                  f'integrity="sha384-{rb64(rng, 48)}" crossorigin="anonymous"></script>\n'
                  f'  <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" '
                  f'integrity="sha384-{rb64(rng, 48)}" crossorigin="anonymous">\n'
                  f'  <script src="/static/app.js" integrity="sha512-{rb64(rng, 64)}"></script>\n'
                  f'  <meta name="csrf-token" content="{{{{ csrf_token() }}}}">\n'
                  "</head>\n<body></body>\n</html>", "sri")
        self.c.negative("sri", 3)

    def lockfiles(self):
        for path, text in lockfiles(random.Random(f"{SEED}:lockfiles")).items():
            self.c.file("negatives/lockfiles/" + path, raw=text)
            self.c.negative("lockfile", text.count("sha512-") + text.count("sha256") + text.count("h1:")
                            + text.count("checksum =") + text.count("sha1-"))

    def public_keys(self):
        rng = self.rng
        cert = pem("CERTIFICATE", der_like(rng, 1190))
        self.line("negatives/public-keys/certs/ca.crt", cert, "public-key-or-cert")
        self.line("negatives/public-keys/certs/chain.pem", pem("CERTIFICATE", der_like(rng, 1300)) + "\n"
                  + pem("CERTIFICATE", der_like(rng, 1100)), "public-key-or-cert")
        self.c.negative("public-key-or-cert")
        self.line("negatives/public-keys/keys/service.pub", pem("PUBLIC KEY", der_like(rng, 294)),
                  "public-key-or-cert")
        self.line("negatives/public-keys/keys/legacy_rsa.pub", pem("RSA PUBLIC KEY", der_like(rng, 270)),
                  "public-key-or-cert")
        ssh_rsa = "AAAAB3NzaC1yc2EAAAADAQABAAABgQ" + base64.b64encode(rng.randbytes(384)).decode()
        ed = "AAAAC3NzaC1lZDI1NTE5AAAAI" + base64.b64encode(rng.randbytes(32)).decode().rstrip("=")[:43]
        ecdsa = "AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBB" + base64.b64encode(rng.randbytes(65)).decode()
        self.line("negatives/public-keys/home/deploy/.ssh/authorized_keys",
                  f"ssh-rsa {ssh_rsa} alice@laptop\nssh-ed25519 {ed} bob@workstation\n"
                  f'no-port-forwarding,command="/usr/local/bin/backup" ecdsa-sha2-nistp256 {ecdsa} backup@nas',
                  "public-key-or-cert")
        self.c.negative("public-key-or-cert", 2)
        self.line("negatives/public-keys/home/deploy/.ssh/known_hosts",
                  f"github.com ssh-ed25519 {ed}\n|1|{rb64(rng, 20)}|{rb64(rng, 20)} ssh-rsa {ssh_rsa}",
                  "public-key-or-cert")
        self.c.negative("public-key-or-cert")
        self.line("negatives/public-keys/keys/id_ed25519.pub", f"ssh-ed25519 {ed} deploy@ci", "public-key-or-cert")
        body = wrap64(base64.b64encode(b"\x99\x02\x0d\x04" + rng.randbytes(1180)).decode())
        self.line("negatives/public-keys/keys/release-signing.asc",
                  f"-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: Acme release signing key\n\n{body}\n"
                  f"={rb64(rng, 3)}\n-----END PGP PUBLIC KEY BLOCK-----", "public-key-or-cert")
        self.line("negatives/public-keys/config/tls.yaml",
                  "tls:\n  enabled: true\n  ca.crt: |\n" + indent(cert, 4) + "\n  publicKey: |\n"
                  + indent(pem("PUBLIC KEY", der_like(rng, 91)), 4), "public-key-or-cert")
        self.c.negative("public-key-or-cert")
        self.line("negatives/public-keys/.well-known/jwks.json", json.dumps({"keys": [
            {"kty": "RSA", "use": "sig", "kid": rhex(rng, 16), "alg": "RS256", "n": b64url(rng.randbytes(256)),
             "e": "AQAB"},
            {"kty": "EC", "use": "sig", "kid": rhex(rng, 16), "crv": "P-256", "x": b64url(rng.randbytes(32)),
             "y": b64url(rng.randbytes(32))}]}, indent=2), "public-key-or-cert")
        self.c.negative("public-key-or-cert")
        tls = base64.b64encode((cert + "\n").encode()).decode()
        self.line("negatives/public-keys/k8s/ca-bundle.yaml",
                  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: ca-bundle\ntype: Opaque\ndata:\n"
                  f"  ca.crt: {tls}\n  username: {base64.b64encode(b'svc-reader').decode()}\n"
                  f"  region: {base64.b64encode(b'eu-west-1').decode()}", "public-key-or-cert")
        self.c.negative("k8s-secret-non-secret", 2)

    def password_hashes(self):
        rng = self.rng
        self.line("negatives/password-hashes/.htpasswd",
                  "\n".join(f"{u}:{bcrypt_like(rng, '2y')}" for u in ("alice", "bob", "deploy")), "password-hash")
        self.c.negative("password-hash", 2)
        self.line("negatives/password-hashes/users.yaml",
                  "users:\n" + "".join(f"  - name: {u}\n    password: \"{h}\"\n" for u, h in [
                      ("admin", bcrypt_like(rng)), ("grafana", argon2_like(rng)),
                      ("ops", scrypt_hash(rng, b"correct horse"))]), "password-hash")
        self.c.negative("password-hash", 2)
        self.line("negatives/password-hashes/fixtures/users.json", json.dumps([
            {"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": pbkdf2_django(rng, b"pw1")}},
            {"model": "auth.user", "pk": 2, "fields": {"username": "ci", "password_hash": argon2_like(rng)}}],
            indent=2), "password-hash")
        self.c.negative("password-hash")
        self.line("negatives/password-hashes/db/seed.sql",
                  "INSERT INTO users (email, password_hash) VALUES\n"
                  f"  ('ana@acme.io', '{bcrypt_like(rng, '2a')}'),\n  ('li@acme.io', '{argon2_like(rng)}');",
                  "password-hash")
        self.c.negative("password-hash")
        self.line("negatives/password-hashes/etc/shadow",
                  f"root:{sha512_crypt_like(rng)}:19700:0:99999:7:::\ndeploy:{sha512_crypt_like(rng)}:19701:0:99999:7:::",
                  "password-hash")
        self.c.negative("password-hash")
        self.line("negatives/password-hashes/config.py",
                  f'ADMIN_PASSWORD_HASH = "{argon2_like(rng)}"\nPASSWORD = "{scrypt_hash(rng, b"hunter2")}"\n'
                  f"password = '{bcrypt_like(rng)}'", "password-hash")
        self.c.negative("password-hash", 2)

    def images(self):
        rng = self.rng
        png = base64.b64encode(png_bytes(rng, 2400)).decode()
        woff = base64.b64encode(b"wOF2\x00\x01\x00\x00" + rng.randbytes(5000)).decode()
        svg = base64.b64encode(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M8 0L16 16H0z" '
                               b'fill="#0a7"/></svg>').decode()
        self.line("negatives/images/index.html",
                  f'<img alt="logo" src="data:image/png;base64,{png}">\n'
                  f'<img alt="icon" src="data:image/svg+xml;base64,{svg}">', "image-or-font")
        self.c.negative("image-or-font")
        self.line("negatives/images/fonts.css",
                  f"@font-face {{\n  font-family: 'Inter';\n  font-display: swap;\n"
                  f"  src: url(data:font/woff2;base64,{woff}) format('woff2');\n}}\n"
                  f".logo {{ background-image: url('data:image/png;base64,{png[:1200]}'); }}", "image-or-font")
        self.c.negative("image-or-font")
        gif = base64.b64encode(b"GIF89a" + rng.randbytes(900)).decode()
        self.line("negatives/images/icons.json", json.dumps({
            "favicon": f"data:image/gif;base64,{gif}", "thumbnail": base64.b64encode(png_bytes(rng, 700)).decode(),
            "avatar_jpeg": base64.b64encode(b"\xff\xd8\xff\xe0\x00\x10JFIF" + rng.randbytes(1500)).decode()},
            indent=2), "image-or-font")
        self.c.negative("image-or-font", 2)
        # A base64 blob of ordinary text with nothing secret in it is decoded and scanned: still nothing.
        text = ("# defaults\nLOG_LEVEL=info\nREGION=eu-west-1\nFEATURE_FLAGS=search,billing\n"
                "DATABASE_URL=${DATABASE_URL}\nAPI_TOKEN=${API_TOKEN}\n")
        self.line("negatives/images/bootstrap.sh", f"echo '{base64.b64encode(text.encode()).decode()}' | base64 -d > .env",
                  "base64-blob-no-secret")

    def near_misses(self):
        """Values a keyword-anchored rule's regex does match but that are not credentials: hashes in the formats
        frameworks store them, digests next to an access key id, and code that reads a secret from elsewhere."""
        rng = self.rng
        sha1 = hashlib.sha1(rng.randbytes(16)).hexdigest()
        salt = rhex(rng, 12)
        self.line("negatives/near-misses/jupyter_server_config.py",
                  "c = get_config()  # noqa\n"
                  f"c.NotebookApp.password = 'sha1:{salt}:{sha1}'\n"
                  f"c.ServerApp.password = 'argon2:{argon2_like(rng)}'\n"
                  "c.ServerApp.password_required = True", "password-hash")
        self.c.negative("password-hash")
        self.line("negatives/near-misses/application-security.properties",
                  f"spring.security.user.name=admin\nspring.security.user.password={{bcrypt}}{bcrypt_like(rng, '2a')}\n"
                  f"app.legacy.password={{pbkdf2}}{rhex(rng, 80)}", "password-hash")
        self.c.negative("password-hash")
        apr = "$apr1$" + "".join(rng.choice(string.ascii_letters + string.digits + "./") for _ in range(8)) + "$" + \
              "".join(rng.choice(string.ascii_letters + string.digits + "./") for _ in range(22))
        self.line("negatives/near-misses/docker-compose.traefik.yml",
                  "services:\n  traefik:\n    image: traefik:v3.0\n    labels:\n"
                  f"      - \"traefik.http.middlewares.auth.basicauth.users=admin:{apr.replace('$', '$$')}\"\n"
                  f"    environment:\n      DASHBOARD_PASSWORD: '{apr}'", "password-hash")
        self.c.negative("password-hash")
        ssha = base64.b64encode(hashlib.sha1(b"pw" + rng.randbytes(4)).digest() + rng.randbytes(4)).decode()
        self.line("negatives/near-misses/users.ldif",
                  "dn: uid=jdoe,ou=people,dc=acme,dc=io\nobjectClass: inetOrgPerson\nuid: jdoe\n"
                  f"userPassword: {{SSHA}}{ssha}\n", "password-hash")
        self.line("negatives/near-misses/mosquitto.passwd",
                  f"sensor01:$7$101${rb64(rng, 12)}${rb64(rng, 64)}", "password-hash")
        # A documented AWS key id with git SHAs around it: the pairing rule's 40-character pattern matches the SHAs.
        self.line("negatives/near-misses/ci-notes.md",
                  "Reproduce with the docs credentials:\n\n```\n"
                  f"aws_access_key_id = AKIAIOSFODNN7EXAMPLE\nbuild_commit = {rhex(rng, 40)}\n"
                  f"base_commit = {rhex(rng, 40)}\nsecret_ref = refs/heads/release\n```", "git-sha")
        self.c.negative("git-sha")
        pkg = {"name": "left-pad", "version": "1.3.0", "_resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
               "_integrity": "sha512-" + rb64(rng, 64), "_shasum": rhex(rng, 40), "gitHead": rhex(rng, 40),
               "_id": "left-pad@1.3.0", "_from": "left-pad@^1.3.0"}
        self.line("negatives/near-misses/node_modules/left-pad/package.json", json.dumps(pkg, indent=2), "digest")
        self.c.negative("digest", 2)
        # Code that reads a secret from somewhere else.
        code = {
            "negatives/near-misses/app/auth.py": [
                'password = getpass.getpass("Password: ")',
                'token = request.headers.get("X-Auth-Token")',
                'secret = config.get("auth", "client_secret")',
                "api_key = settings.PAYMENTS_API_KEY",
                'self.password = kwargs.pop("password", None)',
                'password = hashlib.sha256(raw_password.encode()).hexdigest()',
                'auth_token = self._refresh_auth_token(force=True)',
                'password=form.cleaned_data["password"],',
            ],
            "negatives/near-misses/web/session.ts": [
                "const token = await getAccessToken(req);",
                "secret: this.configService.get<string>('JWT_SECRET'),",
                "const apiKey = useApiKey();",
                "headers['X-Api-Key'] = apiKeyFromVault;",
            ],
            "negatives/near-misses/cmd/db.go": [
                'password := viper.GetString("database.password")',
                'token, err := tokenSource.Token()',
            ],
            "negatives/near-misses/src/Db.java": [
                'String password = props.getProperty("db.password");',
                'char[] secret = System.console().readPassword("Secret: ");',
            ],
            "negatives/near-misses/app/Http/Controllers/LoginController.php": [
                "$password = $request->input('password');",
                "$token = Str::random(60);",
            ],
        }
        for path, lines in code.items():
            for ln in lines:
                self.line(path, ln, "code-reference")

    def encoded(self):
        """Base64-encoded text is decoded and scanned, so the filters must hold there too."""
        b64 = lambda t: base64.b64encode(t.encode()).decode()  # noqa: E731
        bad = None
        for r in self.rules:
            if r.checksum == "github-crc32" and self.samples.get(r.id):
                tok = self.samples[r.id][0].secret
                bad = tok[:-7] + ("A" if tok[-7] != "A" else "B") + tok[-6:]
                break
        data = {"password": b64("changeme"), "api-token": b64("<your-token>"), "db-password": b64("${DB_PASSWORD}"),
                "AWS_ACCESS_KEY_ID": b64("AKIAIOSFODNN7EXAMPLE"),
                "AWS_SECRET_ACCESS_KEY": b64("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                "username": b64("svc-deploy"), "host": b64("db.internal.acme.io")}
        if bad:
            data["GITHUB_TOKEN"] = b64(bad)
        self.line("negatives/encoded/k8s-secret-placeholders.yaml",
                  "apiVersion: v1\nkind: Secret\nmetadata:\n  name: template\ntype: Opaque\ndata:\n"
                  + "\n".join(f"  {k}: {v}" for k, v in data.items()), "encoded")
        self.c.negative("encoded", len(data) - 1)
        env = "# template\nAPI_TOKEN=<your-token>\nDB_PASSWORD=${DB_PASSWORD}\nSTRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx\n"
        lines = [f"echo '{b64(env)}' | base64 -d > .env.template"]
        if bad:
            lines.append(f"echo '{b64('GITHUB_TOKEN=' + bad + chr(10))}' | base64 -d >> .env")
        # A real-format token in a blob, on a suppressed line.
        smp = next((s for r in self.rules if r.checksum == "npm-crc32" for s in self.samples.get(r.id, [])), None)
        if smp:
            lines.append(f"echo '{b64('NPM_TOKEN=' + smp.secret + chr(10))}' | base64 -d >> .env  # plimsoll:allow")
        self.line("negatives/encoded/bootstrap.sh", "\n".join(lines), "encoded")
        self.c.negative("encoded", len(lines) - 1)

    def run(self):
        self.per_rule()
        self.documented()
        self.lookups()
        self.random_looking()
        self.lockfiles()
        self.public_keys()
        self.password_hashes()
        self.images()
        self.near_misses()
        self.encoded()


def add_negatives(corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule]):
    Negatives(corpus, rules, by_id).run()


# ----------------------------------------------------------------------------------------------------------
# Places: the host formats users paste credentials into (issue 8, section 2), each with positives (generic
# credentials: a secret-named key holding a random value; provider tokens) and hard negatives written in the
# same places (placeholders, references, template expressions, well-known dummy words, hashes under hash-named
# keys, OIDs, versions, paths, URLs). Everything lives under `places/<format>/`, so accuracy can be measured
# per format; the manifest counts positives and negatives as `place:<format>`.
# ----------------------------------------------------------------------------------------------------------

# Secret-ish names and the generic rule whose keyword they carry (one keyword per name, so the label is not a
# guess between two generic rules).
GENERIC_BY_KEYWORD = [
    (re.compile(r"pass(?:word|wd|phrase)?|pwd", re.I), "generic.password"),
    (re.compile(r"secret|private[_.-]?key", re.I), "generic.secret"),
    (re.compile(r"api[_.-]?key|apikey|access[_.-]?key", re.I), "generic.api-key"),
    (re.compile(r"token", re.I), "generic.token"),
]


# Places the engine does not read yet (most of their positives are missed; see the per-place lines the corpus
# test prints). Their files are written and their negatives count like any other, but their positives go to
# `expected-pending.json`: the corpus test measures and lists them without gating the floors on them. Move a
# format out of this set once the engine reads it; never add one to make a change pass.
PLACES_PENDING: set[str] = set()


def is_pending(path: str) -> bool:
    parts = path.split("/")
    return len(parts) > 2 and parts[0] == "places" and parts[1] in PLACES_PENDING


def generic_rule(name: str) -> str:
    hits = [rid for pat, rid in GENERIC_BY_KEYWORD if pat.search(name)]
    if len(hits) != 1:
        raise SystemExit(f"places: name {name!r} must carry exactly one generic keyword, has {hits}")
    return hits[0]


class Places:
    def __init__(self, corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule]):
        self.c = corpus
        self.by_id = by_id
        self.rng = random.Random(f"{SEED}:places")
        # Provider tokens that stand on their own (a prefix or fixed shape), re-randomised from each rule's
        # examples; used in turn so every format holds several providers.
        pool = []
        for rule in sorted((r for r in rules if r.py is not None), key=lambda r: r.id):
            if not rule.high or rule.requires is not None or rule.paths or rule.id.startswith(
                    ("private-key.", "http.", "netrc.", "jwt.", "generic.")):
                continue
            rng = random.Random(f"{SEED}:places:{rule.id}")
            for ex in rule.data.get("examples", []):
                smp = make_sample(rule, ex, rng, by_id)
                if smp and smp.value == smp.secret and not smp.companions and "\n" not in smp.secret \
                        and finds(rule, f"\n{smp.secret}\n", smp.secret) \
                        and re.fullmatch(r"[A-Za-z0-9_.~+/=-]{16,}", smp.secret):
                    pool.append(smp)
                    break
        random.Random(f"{SEED}:places-order").shuffle(pool)
        self.pool = pool
        self.pool_i = 0

    # -- values -----------------------------------------------------------------------------------------

    def value(self, kind: str = "") -> str:
        """A random credential: mixed alphanumerics, a generated password, hex or URL-safe base64."""
        rng = self.rng
        kind = kind or rng.choice(["alnum", "alnum", "password", "b64", "hex40", "hex64"])
        while True:
            if kind == "alnum":
                v = "".join(rng.choice(ALNUM) for _ in range(rng.randrange(24, 41)))
            elif kind == "password":
                v = rand_password(rng, rng.randrange(14, 23))
            elif kind == "b64":
                v = rb64(rng, 32, urlsafe=True).rstrip("=")
            elif kind == "hex40":
                v = rhex(rng, 40)
            elif kind == "hex64":
                v = rhex(rng, 64)
            else:
                raise ValueError(kind)
            run = max_ascending_run(v)
            if not looks_placeholder(v) and run < 5 and re.search(r"[0-9]", v) and re.search(r"[a-z]", v):
                return v

    def token(self, context: str) -> Sample:
        """The next provider token whose rule finds it when written into `context` (`{v}` marks the spot)."""
        for _ in range(len(self.pool)):
            s = self.pool[self.pool_i % len(self.pool)]
            self.pool_i += 1
            if finds(s.rule, context.replace("{v}", s.secret), s.secret):
                return s
        raise SystemExit(f"places: no provider token fits {context!r}")

    # -- writing ----------------------------------------------------------------------------------------

    def file(self, fmt: str, path: str, **kw) -> File:
        return self.c.file(f"places/{fmt}/{path}", **kw)

    def pos(self, fmt: str, path: str, template: str, name: str | None = None, rule: str | None = None,
            kind: str = "", value: str | None = None, encode=None, **kw) -> str:
        """A generic credential: `template` with `{v}` replaced by a fresh random value, labelled with the
        generic rule `name` calls for (or `rule`)."""
        v = value if value is not None else self.value(kind)
        rid = rule or generic_rule(name or "")
        text = template.replace("{v}", encode(v) if encode else v)
        f = self.file(fmt, path, **kw)
        f.chunks.append(text)
        self.c.positive(f, encode(v) if encode else v, rid, f"place:{fmt}")
        return v

    def tok(self, fmt: str, path: str, template: str, encode=None, **kw):
        """A provider token in `template`, labelled with its provider rule."""
        probe = template if encode is None else template.replace("{v}", "{v}")
        s = self.token(probe)
        text = template.replace("{v}", encode(s.secret) if encode else s.secret)
        f = self.file(fmt, path, **kw)
        f.chunks.append(text)
        self.c.positive(f, encode(s.secret) if encode else s.secret, s.rule.id, f"place:{fmt}")

    def neg(self, fmt: str, path: str, *lines: str, **kw):
        f = self.file(fmt, path, **kw)
        for line in lines:
            f.chunks.append(line)
            self.c.negative(f"place:{fmt}")

    # -- formats ----------------------------------------------------------------------------------------

    def sql(self):
        fmt, p = "sql", "db/seeds/020_service_accounts.sql"
        kw = {"header": "-- Seed data for the staging database.\nBEGIN;\n", "footer": "COMMIT;\n"}
        self.pos(fmt, p, "INSERT INTO service_accounts (username, password, created_at) VALUES ('svc-sync', '{v}', NOW());",
                 "password", kind="password", **kw)
        self.pos(fmt, p, "INSERT INTO oauth_clients (client_id, client_secret, redirect_uri) VALUES ('billing-web', '{v}', 'https://billing.acme.io/cb');",
                 "client_secret", **kw)
        self.neg(fmt, p, "INSERT INTO integrations (name, api_key) VALUES")
        self.pos(fmt, p, "  ('alerts', '{v}'),", "api_key", kind="alnum")
        self.pos(fmt, p, "  ('status', '{v}');", "api_key", kind="hex40")
        self.pos(fmt, p, "UPDATE smtp_settings SET password = '{v}' WHERE id = 1;", "password", kind="password")
        self.pos(fmt, p, "INSERT INTO `webhooks` (`url`, `signing_secret`) VALUES ('https://hooks.acme.io/in', '{v}');",
                 "signing_secret", kind="hex64")
        self.tok(fmt, p, "INSERT INTO integrations (name, token) VALUES ('ci', '{v}');")
        self.tok(fmt, p, "UPDATE settings SET value = '{v}' WHERE name = 'deploy_token';")
        self.neg(fmt, p,
                 "INSERT INTO users (username, password_hash) VALUES ('alice', '%s');" % bcrypt_like(self.rng),
                 "INSERT INTO releases (version, sha256) VALUES ('2.4.1', '%s');" % rhex(self.rng, 64),
                 "INSERT INTO commits (repo, commit_sha) VALUES ('api', '%s');" % rhex(self.rng, 40),
                 "INSERT INTO users (username, password) VALUES ('demo', 'changeme');",
                 "INSERT INTO users (username, password) VALUES ('bob', 'hunter2');",
                 "INSERT INTO users (username, password) VALUES ('qa', 'supersecret');",
                 "INSERT INTO settings (name, value) VALUES ('password_min_length', '12');",
                 "INSERT INTO service_accounts (username, password) VALUES (:username, :password);",
                 "INSERT INTO service_accounts (username, password) VALUES ($1, $2);",
                 "INSERT INTO service_accounts (username, password) VALUES ('{{ db_user }}', '{{ db_password }}');",
                 "INSERT INTO api_tokens (id, token_sha256) VALUES ('%s', '%s');" % (ruuid(self.rng), rhex(self.rng, 64)),
                 "UPDATE users SET password = crypt(:new_password, gen_salt('bf')) WHERE id = :id;")

    def xml_attributes(self):
        fmt, p = "xml-attributes", "src/Acme.Sync/App.config"
        kw = {"header": '<?xml version="1.0" encoding="utf-8"?>\n<configuration>\n  <appSettings>\n',
              "footer": "  </appSettings>\n</configuration>\n"}
        self.pos(fmt, p, '    <add key="ServiceToken" value="{v}" />', "ServiceToken", kind="alnum", **kw)
        self.pos(fmt, p, '    <add key="SmtpPassword" value="{v}" />', "SmtpPassword", kind="password")
        self.pos(fmt, p, '    <add key="ApiKey" value="{v}" />', "ApiKey", kind="hex40")
        self.pos(fmt, p, '    <add key="Webhook.Secret" value="{v}" />', "Webhook.Secret", kind="b64")
        self.tok(fmt, p, '    <add key="GitHubToken" value="{v}" />')
        self.tok(fmt, p, '    <add key="PaymentsKey" value="{v}" />')
        self.neg(fmt, p,
                 '    <add key="ServiceToken" value="" />',
                 '    <add key="ServiceToken" value="__ServiceToken__" />',
                 '    <add key="ServiceToken" value="#{ServiceToken}#" />',
                 '    <add key="SmtpPassword" value="$(SmtpPassword)" />',
                 '    <add key="ApiKey" value="@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/api-key/)" />',
                 '    <add key="PasswordHashAlgorithm" value="PBKDF2-HMAC-SHA256" />',
                 '    <add key="TokenEndpoint" value="https://login.acme.io/oauth2/v2.0/token" />',
                 '    <add key="ClientSecretFile" value="C:\\ProgramData\\Acme\\client-secret.txt" />',
                 '    <add key="PasswordPolicyVersion" value="3.2.1" />',
                 '    <add key="SigningCertThumbprint" value="%s" />' % rhex(self.rng, 40).upper(),
                 '    <add key="SmtpPassword" value="changeit" />')
        p2 = "src/main/resources/spring/datasource.xml"
        kw2 = {"header": '<?xml version="1.0" encoding="UTF-8"?>\n<beans xmlns="http://www.springframework.org/schema/beans">\n'
                         '  <bean id="dataSource" class="com.zaxxer.hikari.HikariDataSource">\n',
               "footer": "  </bean>\n</beans>\n"}
        self.pos(fmt, p2, '    <property name="password" value="{v}" />', "password", kind="password", **kw2)
        self.pos(fmt, p2, '    <credential username="etl" password="{v}" realm="warehouse" />', "password", kind="alnum")
        self.pos(fmt, p2, '    <connection url="jdbc:postgresql://db:5432/app" user="app" password="{v}" />', "password",
                 kind="password")
        self.neg(fmt, p2,
                 '    <property name="password" value="${db.password}" />',
                 '    <property name="passwordEncoder" ref="bcryptEncoder" />',
                 '    <credential username="etl" password="supersecret" />',
                 '    <property name="password" value="#{systemEnvironment[\'DB_PASSWORD\']}" />')

    def xml_elements(self):
        fmt, p = "xml-elements", "ci/maven/settings.xml"
        kw = {"header": '<settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">\n  <servers>\n',
              "footer": "  </servers>\n</settings>\n"}
        self.neg(fmt, p, "    <server>\n      <id>releases</id>\n      <username>deployer</username>", **kw)
        self.pos(fmt, p, "      <password>{v}</password>\n    </server>", rule="generic.password-xml", kind="password")
        self.pos(fmt, p, "    <server><id>snapshots</id><username>ci</username><password>{v}</password></server>",
                 rule="generic.password-xml", kind="alnum")
        self.neg(fmt, p,
                 "    <server><id>mirror</id><username>ci</username><password>${env.MAVEN_PASSWORD}</password></server>",
                 "    <server><id>local</id><username>admin</username><password>changeit</password></server>",
                 "    <server><id>qa</id><username>qa</username><password>supersecret</password></server>")
        p2 = "config/integrations.xml"
        kw2 = {"header": '<?xml version="1.0"?>\n<integrations>\n', "footer": "</integrations>\n"}
        self.pos(fmt, p2, "  <apiKey>{v}</apiKey>", "apiKey", kind="hex40", **kw2)
        self.pos(fmt, p2, "  <clientSecret>{v}</clientSecret>", "clientSecret", kind="b64")
        self.pos(fmt, p2, "  <authToken>{v}</authToken>", "authToken", kind="alnum")
        self.tok(fmt, p2, "  <token>{v}</token>")
        self.neg(fmt, p2,
                 "  <checksum>%s</checksum>" % rhex(self.rng, 64),
                 "  <passwordEncoder>bcrypt</passwordEncoder>",
                 "  <tokenUrl>https://auth.acme.io/oauth/token</tokenUrl>",
                 "  <apiKey>${API_KEY}</apiKey>",
                 "  <clientSecret></clientSecret>",
                 "  <secretName>billing-db-credentials</secretName>",
                 "  <authToken>YOUR_AUTH_TOKEN</authToken>")

    def json_docs(self):
        fmt, p = "json", "config/production.json"
        kw = {"header": '{\n  "service": "billing",\n', "footer": '  "region": "eu-west-1"\n}\n'}
        self.pos(fmt, p, '  "database": {"host": "db.internal", "user": "billing", "password": "{v}"},', "password",
                 kind="password", **kw)
        self.pos(fmt, p, '  "apiKey": "{v}",', "apiKey", kind="alnum")
        self.pos(fmt, p, '  "webhook_secret": "{v}",', "webhook_secret", kind="hex64")
        self.pos(fmt, p, '  "auth": {\n    "token": "{v}"\n  },', "token", kind="b64")
        self.tok(fmt, p, '  "github": {"token": "{v}"},')
        self.tok(fmt, p, '  "notifications": ["{v}"],')
        self.neg(fmt, p,
                 '  "dbPassword": "",',
                 '  "smtpPassword": null,',
                 '  "integrity": "sha512-%s",' % rb64(self.rng, 64),
                 '  "sha": "%s",' % rhex(self.rng, 40),
                 '  "etag": "W/\\"%s\\"",' % rhex(self.rng, 32),
                 '  "passwordPattern": "^(?=.*[A-Z])(?=.*[0-9]).{12,}$",',
                 '  "tokenUrl": "https://auth.acme.io/oauth2/token",',
                 '  "secretName": "billing-db-credentials",',
                 '  "adminPassword": "supersecret",',
                 '  "clientSecret": "{{ client_secret }}",',
                 '  "apiToken": "YOUR_API_TOKEN",',
                 '  "accessKeyId": "%s",' % ruuid(self.rng),
                 '  "secretVersion": "1.4.2",',
                 # MinIO's public playground credentials (play.min.io), printed in its documentation.
                 '  "s3": {"endpoint": "https://play.min.io", "accessKey": "Q3AM3UQ867SPQQA43P2F", "secretKey": "zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG"},',
                 '  "session_secret": "%s",' % base64.b64encode(b"test-session-secret").decode(),
                 '  "tokenCacheDir": "/var/cache/billing/tokens",')
        # JSON escaped inside a JSON string: AWS Secrets Manager `SecretString`, CloudFormation parameters,
        # serialized settings.
        fmt2, p2 = "json-escaped", "deploy/secrets-manager/billing.json"
        kw2 = {"header": '{\n  "Name": "prod/billing",\n', "footer": '  "VersionStages": ["AWSCURRENT"]\n}\n'}
        self.pos(fmt2, p2, '  "SecretString": "{\\"username\\":\\"billing\\",\\"password\\":\\"{v}\\"}",', "password",
                 kind="password", **kw2)
        self.pos(fmt2, p2, '  "Settings": "{\\"apiKey\\": \\"{v}\\", \\"timeout\\": 30}",', "apiKey", kind="alnum")
        self.pos(fmt2, p2, '  "Hooks": "{\\"signing_secret\\":\\"{v}\\"}",', "signing_secret", kind="hex64")
        self.pos(fmt2, p2, '  "Auth": "{\\"token\\":\\"{v}\\",\\"ttl\\":3600}",', "token", kind="b64")
        self.tok(fmt2, p2, '  "Ci": "{\\"deploy\\":\\"{v}\\"}",')
        self.neg(fmt2, p2,
                 '  "Template": "{\\"username\\":\\"billing\\",\\"password\\":\\"${DB_PASSWORD}\\"}",',
                 '  "Defaults": "{\\"password\\":\\"changeme\\",\\"apiKey\\":\\"\\"}",',
                 '  "Build": "{\\"sha256\\":\\"%s\\"}",' % rhex(self.rng, 64),
                 '  "Links": "{\\"tokenUrl\\":\\"https://auth.acme.io/token\\"}",',
                 '  "Local": "{\\"password\\":\\"password123\\"}",')

    def yaml_flow(self):
        fmt, p = "yaml-flow", "deploy/ansible/inventory/group_vars/prod.yml"
        kw = {"header": "---\nenv: prod\n"}
        self.pos(fmt, p, "db_credentials: {username: billing, password: {v}}", "password", kind="alnum", **kw)
        self.pos(fmt, p, 'smtp: {host: smtp.acme.io, port: 587, password: "{v}"}', "password", kind="password")
        self.pos(fmt, p, "auth: {token: '{v}', ttl: 3600}", "token", kind="b64")
        self.pos(fmt, p, "payments: {api_key: {v}, mode: live}", "api_key", kind="hex40")
        self.pos(fmt, p, "webhooks: [{url: 'https://hooks.acme.io/in', secret: '{v}'}]", "secret", kind="alnum")
        self.tok(fmt, p, "ci: {deploy_token: {v}}")
        self.neg(fmt, p,
                 'db_defaults: {username: billing, password: "{{ vault_db_password }}"}',
                 "cache: {password: changeme, db: 0}",
                 "artifact: {name: api.tar.gz, sha256: %s}" % rhex(self.rng, 64),
                 "env_from: {secretKeyRef: {name: billing-db, key: password}}",
                 "oauth: {token_url: 'https://auth.acme.io/oauth2/token', scope: read}",
                 "local: {password: supersecret}",
                 "mail: {password: '${SMTP_PASSWORD}'}",
                 "release: {version: 4.2.0, password_policy: strict}",
                 "aws: {aws_access_key_id: access_key_id, aws_secret_access_key: secret_access_key}",
                 "db: {user: app, password: my-db-password}",
                 "partner: {api_key: YOUR_PARTNER_API_KEY}")

    def properties(self):
        fmt, p = "properties", "src/main/resources/application-prod.properties"
        kw = {"header": "server.port=8080\nspring.application.name=billing\n"}
        self.pos(fmt, p, "spring.datasource.password={v}", "spring.datasource.password", kind="password", **kw)
        self.pos(fmt, p, "app.jwt.secret={v}", "app.jwt.secret", kind="b64")
        self.pos(fmt, p, "mail.smtp.password = {v}", "mail.smtp.password", kind="alnum")
        self.pos(fmt, p, "partner.api.key: {v}", "partner.api.key", kind="hex40")
        self.pos(fmt, p, "notifier.bot.token {v}", "notifier.bot.token", kind="alnum")
        self.tok(fmt, p, "notifier.credential={v}")
        self.neg(fmt, p,
                 "spring.datasource.password=${DB_PASSWORD}",
                 "password.min.length=12",
                 "spring.security.oauth2.client.provider.acme.token-uri=https://auth.acme.io/oauth2/token",
                 "app.jwt.secret=changeit",
                 "server.ssl.key-store-password=changeit",
                 "keystore.password.file=/etc/billing/keystore.pass",
                 "app.token.ttl-seconds=3600",
                 "spring.datasource.password=",
                 "artifact.sha256=%s" % rhex(self.rng, 64))
        fmt2, p2 = "ini", "conf/worker.ini"
        kw2 = {"header": "[general]\nname = worker\nthreads = 4\n\n[database]\nhost = db.internal\n"}
        self.pos(fmt2, p2, "password = {v}", "password", kind="password", **kw2)
        self.neg(fmt2, p2, "\n[api]")
        self.pos(fmt2, p2, "secret_key={v}", "secret_key", kind="alnum")
        self.pos(fmt2, p2, "access_key = {v} ; rotated 2024-05", "access_key", kind="hex40")
        self.pos(fmt2, p2, "auth_token: {v}", "auth_token", kind="b64")
        self.neg(fmt2, p2,
                 "\n[templates]",
                 "password = %(DB_PASSWORD)s",
                 "secret_key =",
                 "token_file = ~/.config/acme/token",
                 "admin_password = hunter2",
                 "password = supersecret",
                 "token_url = https://auth.acme.io/token",
                 "challengePassword = 1.2.840.113549.1.9.7")

    def hcl(self):
        fmt, p = "hcl", "infra/prod/main.tf"
        kw = {"header": 'terraform {\n  required_version = ">= 1.6"\n}\n\n'}
        self.neg(fmt, p, 'resource "aws_db_instance" "billing" {\n  engine   = "postgres"\n  username = "billing"', **kw)
        self.pos(fmt, p, '  password = "{v}"\n}', "password", kind="password")
        self.pos(fmt, p, 'variable "partner_api_key" {\n  type    = string\n  default = "{v}"\n}', rule="generic.api-key",
                 kind="hex40")
        self.pos(fmt, p, 'provider "acme" {\n  api_token = "{v}"\n}', "api_token", kind="alnum")
        self.pos(fmt, p, 'locals {\n  webhook_secret = "{v}"\n}', "webhook_secret", kind="hex64")
        self.tok(fmt, p, 'provider "github" {\n  token = "{v}"\n}')
        self.neg(fmt, p,
                 'resource "aws_db_instance" "replica" {\n  password = var.db_password\n}',
                 'resource "aws_db_instance" "reports" {\n  password = random_password.reports.result\n}',
                 'provider "vault_backed" {\n  token = data.vault_generic_secret.ci.data["token"]\n}',
                 'module "app" {\n  db_password = "${var.db_password}"\n}',
                 'resource "aws_lambda_function" "sync" {\n  source_code_hash = "%s"\n}' % rb64(self.rng, 32),
                 'variable "db_password" {\n  type      = string\n  sensitive = true\n}',
                 'variable "admin_password" {\n  default = "changeme"\n}',
                 'data "aws_secretsmanager_secret_version" "api_key" {\n  secret_id = "prod/billing/api-key"\n}')

    def java_options(self):
        fmt, p = "java-options", "bin/start-billing.sh"
        kw = {"header": "#!/bin/sh\nset -e\n"}
        self.pos(fmt, p, 'exec java -Xmx512m -Djavax.net.ssl.keyStorePassword={v} -jar /opt/billing/app.jar',
                 "keyStorePassword", kind="password", **kw)
        self.pos(fmt, p, 'JAVA_OPTS="-Dspring.profiles.active=prod -Dapp.api.secret={v} -Dfile.encoding=UTF-8"',
                 "app.api.secret", kind="alnum")
        self.pos(fmt, p, 'java -Ddb.password={v} -cp lib/* com.acme.Migrate', "db.password", kind="alnum")
        self.pos(fmt, p, 'java -Dpartner.apiKey={v} -jar partner-sync.jar', "partner.apiKey", kind="hex40")
        self.neg(fmt, p,
                 'exec java -Djavax.net.ssl.keyStorePassword="${KEYSTORE_PASSWORD}" -jar app.jar',
                 'java -Djavax.net.ssl.trustStorePassword=changeit -jar app.jar',
                 'java -Dpassword.file=/run/secrets/db_password -jar app.jar',
                 'java -Dtoken.ttl=3600 -Dsecret.rotation.days=30 -jar app.jar',
                 'java -Ddb.password=$DB_PASSWORD -jar app.jar')

    def log_lines(self):
        fmt, p = "log-lines", "logs/auth-2024-06-11.log"
        kw = {"header": "2024-06-11T10:22:30Z INFO  starting auth worker pool=8\n"}
        self.pos(fmt, p, "2024-06-11T10:22:31Z DEBUG auth: login user=svc-sync password={v} status=ok", "password",
                 kind="password", **kw)
        self.pos(fmt, p, 'time=2024-06-11T10:22:32Z level=debug msg="refreshing client" client_secret={v} expires_in=3600',
                 "client_secret", kind="alnum")
        self.pos(fmt, p, "2024-06-11 10:22:33,114 WARN  [http-nio-8080] outbound call api_key={v} latency=41ms",
                 "api_key", kind="hex40")
        self.pos(fmt, p, "Jun 11 10:22:34 web-1 app[311]: session created access_token={v} user_id=4411",
                 "access_token", kind="b64")
        self.tok(fmt, p, "2024-06-11T10:22:35Z ERROR webhook delivery failed token={v} attempt=3")
        self.neg(fmt, p,
                 "2024-06-11T10:22:36Z INFO  auth: login user=bob password=*** status=ok",
                 "2024-06-11T10:22:36Z INFO  auth: login user=bob password=[REDACTED] status=ok",
                 "2024-06-11T10:22:37Z DEBUG token=<nil> refresh=false",
                 "2024-06-11T10:22:38Z INFO  password_changed=true user_id=4411",
                 "2024-06-11T10:22:39Z INFO  secret_version=7 rotated=true",
                 "2024-06-11T10:22:40Z INFO  token_expires_at=2024-06-11T11:22:31Z",
                 "2024-06-11T10:22:41Z INFO  request_id=%s token_sha256=%s" % (ruuid(self.rng), rhex(self.rng, 64)),
                 "2024-06-11T10:22:42Z DEBUG test login user=qa password=supersecret")

    def code_constants(self):
        fmt = "code-constants"
        self.pos(fmt, "src/config.rs", 'const API_TOKEN: &str = "{v}";', "API_TOKEN", kind="alnum",
                 header="//! Settings for the sync client.\n\n")
        self.pos(fmt, "src/config.rs", 'pub static DB_PASSWORD: &str = "{v}";', "DB_PASSWORD", kind="password")
        self.neg(fmt, "src/config.rs",
                 'const API_TOKEN_ENV: &str = "API_TOKEN";',
                 'const PASSWORD_MIN_LEN: usize = 12;',
                 'const SECRET_HEADER: &str = "x-acme-signature-secret";')
        self.pos(fmt, "internal/sync/creds.go", 'const apiSecret = "{v}"', "apiSecret", kind="hex64",
                 header="package sync\n\n")
        self.pos(fmt, "internal/sync/creds.go", 'var dbPassword = "{v}"', "dbPassword", kind="password")
        self.pos(fmt, "internal/sync/creds.go", 'func client() *Client {\n\tauthToken := "{v}"\n\treturn New(authToken)\n}',
                 "authToken", kind="alnum")
        self.neg(fmt, "internal/sync/creds.go",
                 'const tokenHeader = "X-Auth-Token"',
                 'var dbPasswordEnv = os.Getenv("DB_PASSWORD")',
                 'const secretName = "billing/db-credentials"',
                 'const tokenSHA256 = "%s"' % rhex(self.rng, 64))
        self.pos(fmt, "src/main/java/com/acme/Keys.java", '    private static final String CLIENT_SECRET = "{v}";',
                 "CLIENT_SECRET", kind="b64", header="package com.acme;\n\nfinal class Keys {\n", footer="}\n")
        self.neg(fmt, "src/main/java/com/acme/Keys.java",
                 '    private static final String CLIENT_SECRET = System.getenv("CLIENT_SECRET");',
                 '    private static final String PASSWORD_RESET_URL = "https://acme.io/account/password/reset";')
        self.pos(fmt, "src/Acme.Api/Keys.cs", '        private const string ApiKey = "{v}";', "ApiKey", kind="hex40",
                 header="namespace Acme.Api\n{\n    internal static class Keys\n    {\n", footer="    }\n}\n")
        self.pos(fmt, "src/Acme.Api/Keys.cs", '        public static readonly string ServiceToken = "{v}";',
                 "ServiceToken", kind="alnum")
        self.neg(fmt, "src/Acme.Api/Keys.cs",
                 '        private const string ApiKeyHeader = "X-Api-Key";',
                 '        public static readonly string ServiceToken = Environment.GetEnvironmentVariable("SERVICE_TOKEN");')
        self.pos(fmt, "app/src/main/kotlin/com/acme/Secrets.kt", 'const val API_SECRET = "{v}"', "API_SECRET",
                 kind="alnum", header="package com.acme\n\n")
        self.pos(fmt, "app/src/main/kotlin/com/acme/Secrets.kt", 'private val dbPassword: String = "{v}"', "dbPassword",
                 kind="password")
        self.neg(fmt, "app/src/main/kotlin/com/acme/Secrets.kt",
                 "val CLIENT_SECRET = BuildConfig.CLIENT_SECRET",
                 'const val PASSWORD_KEY = "pref_password"')
        self.pos(fmt, "Sources/AcmeKit/Secrets.swift", 'let apiToken = "{v}"', "apiToken", kind="alnum",
                 header="import Foundation\n\n")
        self.pos(fmt, "Sources/AcmeKit/Secrets.swift", 'static let clientSecret: String = "{v}"', "clientSecret",
                 kind="b64")
        self.neg(fmt, "Sources/AcmeKit/Secrets.swift",
                 'let apiToken = ProcessInfo.processInfo.environment["API_TOKEN"] ?? ""',
                 'static let passwordKeychainKey = "com.acme.password"')
        self.pos(fmt, "web/src/keys.ts", "export const API_KEY = '{v}';", "API_KEY", kind="alnum")
        self.pos(fmt, "web/src/keys.ts", 'class Hooks {\n  private readonly webhookSecret: string = "{v}";\n}',
                 "webhookSecret", kind="hex64")
        self.tok(fmt, "web/src/keys.ts", "export const DEPLOY = '{v}';")
        self.neg(fmt, "web/src/keys.ts",
                 "export const API_KEY = process.env.API_KEY!;",
                 "export const TOKEN_STORAGE_KEY = 'acme.auth.token';",
                 "const passwordInput = document.querySelector<HTMLInputElement>('#password');")

    def dockerfile_env(self):
        fmt, p = "dockerfile-env", "services/sync/Dockerfile"
        kw = {"header": "FROM python:3.12-slim\nWORKDIR /app\n", "footer": 'COPY . .\nCMD ["python", "-m", "sync"]\n'}
        self.pos(fmt, p, "ENV API_TOKEN {v}", "API_TOKEN", kind="alnum", **kw)
        self.pos(fmt, p, "ENV DB_PASSWORD {v}", "DB_PASSWORD", kind="password")
        self.pos(fmt, p, "ENV PAYMENTS_WEBHOOK_SECRET {v}", "PAYMENTS_WEBHOOK_SECRET", kind="b64")
        self.tok(fmt, p, "ENV GH_DEPLOY {v}")
        self.neg(fmt, p,
                 "ENV DB_PASSWORD_FILE /run/secrets/db_password",
                 "ENV API_TOKEN ${API_TOKEN}",
                 "ARG NPM_TOKEN",
                 "ENV PYTHON_SHA256 %s" % rhex(self.rng, 64),
                 "ENV NODE_VERSION 20.11.1",
                 "ENV DB_PASSWORD changeme")

    def markdown(self):
        fmt, p = "markdown", "docs/onboarding.md"
        kw = {"header": "# Onboarding\n\nHow to run the billing service locally.\n\n"}
        self.pos(fmt, p, "For the staging stack, use `{v}` as the APP_SECRET.", rule="generic.secret", kind="alnum", **kw)
        self.pos(fmt, p, "The shared QA password is `{v}` (rotate it after the demo).", rule="generic.password",
                 kind="password")
        self.pos(fmt, p, "Set the API token to {v} in the partner dashboard.", rule="generic.token", kind="alnum")
        self.pos(fmt, p, "```\nexport PARTNER_API_KEY={v}\n```", "PARTNER_API_KEY", kind="hex40")
        self.tok(fmt, p, "The CI bot authenticates with `{v}`.")
        self.neg(fmt, p,
                 "Set `APP_SECRET` to a random value (`openssl rand -hex 32`).",
                 "The default password is `changeme`; change it on first login.",
                 "Use `<your-token>` as the API token.",
                 "The API token lives in the 1Password vault `CI`, item `partner-api`.",
                 "Passwords are hashed with `argon2id`; see `docs/security.md`.",
                 "Release `v4.2.0` rotates the `APP_SECRET` automatically.",
                 "Never use `hunter2` or `supersecret` as the QA password.",
                 "Token endpoint: `https://auth.acme.io/oauth2/token`.")

    def curl(self):
        fmt, p = "curl", "scripts/smoke-test.sh"
        kw = {"header": "#!/usr/bin/env bash\nset -euo pipefail\n"}
        self.pos(fmt, p, "curl -fsS -H 'Authorization: Bearer {v}' https://api.acme.io/v1/me", rule="http.bearer-token",
                 kind="alnum", **kw)
        user = "svc-reports"
        pw = rand_password(self.rng, 18)
        self.pos(fmt, p, 'curl -H "Authorization: Basic {v}" https://jira.acme.io/rest/api/2/myself',
                 rule="http.basic-auth", value=base64.b64encode(f"{user}:{pw}".encode()).decode())
        self.pos(fmt, p, "curl -H 'Authorization: Token {v}' https://api.acme.io/v2/projects", rule="http.token-auth",
                 kind="hex40")
        self.pos(fmt, p, "curl -u deploy:{v} https://nexus.acme.io/service/rest/v1/status", rule="http.curl-user",
                 kind="password")
        self.pos(fmt, p, "curl --user 'ci-reader:{v}' -O https://artifacts.acme.io/tool.tgz", rule="http.curl-user",
                 kind="alnum")
        self.pos(fmt, p, 'curl -s -H "X-API-Key: {v}" https://status.acme.io/api/v1/components', "X-API-Key",
                 kind="hex40")
        self.tok(fmt, p, "curl -H 'Authorization: Bearer {v}' https://api.acme.io/v1/deploy")
        self.neg(fmt, p,
                 'curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/v1/me',
                 'curl -H "Authorization: Bearer ${ACCESS_TOKEN}" https://api.acme.io/v1/me',
                 'curl -H "Authorization: Basic $(printf %s:%s "$USER" "$PASS" | base64)" https://jira.acme.io/',
                 'curl -u "$NEXUS_USER:$NEXUS_PASSWORD" https://nexus.acme.io/',
                 "curl -u user:password https://httpbin.org/basic-auth/user/password",
                 "curl -u admin:admin http://localhost:8081/",
                 "curl -H 'Authorization: Bearer <token>' https://api.acme.io/v1/me",
                 "curl -H 'Authorization: Token YOUR_API_TOKEN' https://api.acme.io/v2/projects",
                 "curl -u deploy https://nexus.acme.io/service/rest/v1/status")

    def http_client(self):
        fmt = "http-client"
        self.pos(fmt, "jobs/report.py", 'resp = requests.get(f"{base}/api/json", auth=("deploy", "{v}"), timeout=10)',
                 rule="http.basic-auth-call", kind="password", header="import requests\n\n")
        self.pos(fmt, "jobs/report.py", "r = requests.get(url, auth=HTTPDigestAuth('camera', '{v}'))",
                 rule="http.basic-auth-call", kind="alnum")
        self.neg(fmt, "jobs/report.py",
                 'resp = requests.get(url, auth=(user, os.environ["API_PASSWORD"]))',
                 'resp = requests.get(url, auth=("user", "password"))',
                 'session.headers["Authorization"] = f"Bearer {token}"')
        self.pos(fmt, "internal/backup/client.go", '\treq.SetBasicAuth("svc-backup", "{v}")', rule="http.basic-auth-call",
                 kind="alnum", header="package backup\n\n")
        self.neg(fmt, "internal/backup/client.go", "\treq.SetBasicAuth(cfg.User, cfg.Password)",
                 '\treq.Header.Set("Authorization", "Bearer "+os.Getenv("BACKUP_TOKEN"))')
        self.pos(fmt, "src/main/java/com/acme/ReportClient.java", '        headers.setBasicAuth("reports", "{v}");',
                 rule="http.basic-auth-call", kind="password", header="package com.acme;\n\n")
        self.pos(fmt, "src/Acme.Etl/Client.cs", '        var creds = new NetworkCredential("etl", "{v}");',
                 rule="http.basic-auth-call", kind="alnum")
        self.pos(fmt, "src/sync.rs", '    let res = client.get(url).basic_auth("sync", Some("{v}")).send().await?;',
                 rule="http.basic-auth-call", kind="alnum")
        self.tok(fmt, "web/src/api.ts", "const api = axios.create({ headers: { Authorization: `Bearer {v}` } });")
        self.neg(fmt, "web/src/api.ts", "const api = axios.create({ headers: { Authorization: `Bearer ${token}` } });",
                 "const api = axios.create({ auth: { username: 'u', password: process.env.API_PASSWORD! } });")

    def http_files(self):
        fmt, p = "http-files", "http/partner-api.http"
        kw = {"header": "@baseUrl = https://api.acme.io\n"}
        self.pos(fmt, p, "@token = {v}", "token", kind="alnum", **kw)
        self.neg(fmt, p, "\n### Who am I\nGET {{baseUrl}}/v1/me\nAuthorization: Bearer {{token}}\n")
        self.pos(fmt, p, "### Projects\nGET {{baseUrl}}/v2/projects\nAuthorization: Bearer {v}\n", rule="http.bearer-token",
                 kind="b64")
        self.pos(fmt, p, "### Jira\nGET https://jira.acme.io/rest/api/2/myself\nAuthorization: Basic svc-jira {v}\n",
                 rule="http.basic-auth-raw", kind="password")
        self.pos(fmt, p, "### Nexus\nGET https://nexus.acme.io/service/rest/v1/status\nAuthorization: Basic ci:{v}\n",
                 rule="http.basic-auth-raw", kind="alnum")
        self.pos(fmt, p, "### Status\nGET https://status.acme.io/api/v1/components\nX-Api-Key: {v}\n", "X-Api-Key",
                 kind="hex40")
        self.pos(fmt, p, "### Legacy\nGET {{baseUrl}}/v1/legacy\nAuthorization: Token {v}\n", rule="http.token-auth",
                 kind="hex40")
        self.neg(fmt, p,
                 "### From the environment\n@envToken = {{$dotenv API_TOKEN}}\nGET {{baseUrl}}/v1/me\nAuthorization: Bearer {{envToken}}\n",
                 "### Process env\nGET {{baseUrl}}/v1/me\nAuthorization: Bearer {{$processEnv ACME_TOKEN}}\n",
                 "### Prompted\nGET https://jira.acme.io/rest/api/2/myself\nAuthorization: Basic {{user}} {{password}}\n",
                 "### Docs\nGET {{baseUrl}}/v1/me\nAuthorization: Bearer <your-access-token>\n")

    def escaped_pem(self):
        fmt = "escaped-pem"
        rule = self.by_id.get("private-key.escaped-pem")
        if rule is None:
            return
        rng = random.Random(f"{SEED}:places:pem")
        bodies = []
        for kind in ("RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "RSA PRIVATE KEY"):
            n = 190 if kind != "EC PRIVATE KEY" else 121
            bodies.append(pem(kind, der_like(rng, n)).replace("\n", "\\n"))
        self.pos(fmt, ".env.production", 'GITHUB_APP_PRIVATE_KEY="{v}"', rule="private-key.escaped-pem", value=bodies[0],
                 header="NODE_ENV=production\nGITHUB_APP_ID=401122\n")
        # A service-account key file: the GCP rule names what to revoke.
        self.pos(fmt, "config/firebase-admin.json", '  "private_key": "{v}\\n",', rule="gcp.service-account-key",
                 value=bodies[1], header='{\n  "type": "service_account",\n  "project_id": "acme-prod-4471",\n',
                 footer='  "client_email": "admin@acme-prod-4471.iam.gserviceaccount.com"\n}\n')
        self.pos(fmt, "deploy/values.json", '{"signing": {"key": "{v}"}}', rule="private-key.escaped-pem",
                 value=bodies[2])
        self.pos(fmt, "scripts/env.sh", "export JWT_PRIVATE_KEY='{v}'", rule="private-key.escaped-pem",
                 value=bodies[3].replace("\\n", "\\r\\n"))
        self.neg(fmt, ".env.example",
                 'GITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\n<your key>\\n-----END RSA PRIVATE KEY-----"',
                 'GITHUB_APP_PRIVATE_KEY="-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA...\\n-----END RSA PRIVATE KEY-----"',
                 'PUBLIC_KEY="%s"' % pem("PUBLIC KEY", der_like(rng, 162)).replace("\n", "\\n"),
                 'TLS_CERT="%s"' % pem("CERTIFICATE", der_like(rng, 400)).replace("\n", "\\n"))

    def netrc(self):
        fmt = "netrc"
        self.pos(fmt, "home/ci/.netrc", "machine git.acme.io login ci-bot password {v}", rule="netrc.password",
                 kind="alnum")
        self.pos(fmt, "home/ci/.netrc", "machine artifacts.acme.io\n    login deploy\n    password {v}",
                 rule="netrc.password", kind="password")
        self.pos(fmt, "home/ci/.netrc", "machine ftp.acme.io login mirror password {v}\nmacdef init\ncd /pub/releases\nbinary\n",
                 rule="netrc.password", kind="alnum")
        self.pos(fmt, "home/ci/.netrc", "machine api.acme.io password {v} login ops@acme.io", rule="netrc.password",
                 kind="hex40")
        self.pos(fmt, "home/ci/.netrc", "machine\tdav.acme.io\tlogin\tsync\taccount\tbackup\tpassword\t{v}",
                 rule="netrc.password", kind="alnum")
        self.pos(fmt, "home/ci/.netrc", "default login anonymous password {v}", rule="netrc.password", kind="password")
        self.pos(fmt, "home/ops/.netrc", 'machine registry.acme.io login robot password "{v}"', rule="netrc.password",
                 kind="alnum")
        self.tok(fmt, "home/ops/.netrc", "machine github.com login x-access-token password {v}")
        self.pos(fmt, "Users/ops/_netrc", "machine tfs.acme.io\r\nlogin ops\r\npassword {v}", rule="netrc.password",
                 kind="password")
        self.neg(fmt, "home/ops/.netrc",
                 "machine api.heroku.com\n  login ops@acme.io",
                 "machine ftp.gnu.org login anonymous password anonymous@",
                 "machine localhost login admin password changeme",
                 "macdef upload\nput release.tar.gz\nquit\n")
        # The netrc layout written from another file: Dockerfiles, CI scripts.
        self.pos(fmt, "ci/setup-netrc.sh", 'echo "machine git.acme.io login ci password {v}" > ~/.netrc',
                 rule="netrc.inline", kind="alnum", header="#!/bin/sh\nset -e\n")
        self.pos(fmt, "docker/builder.Dockerfile",
                 'RUN echo "machine nexus.acme.io login build password {v}" > /root/.netrc && make deps && rm /root/.netrc',
                 rule="netrc.inline", kind="password", header="FROM golang:1.22\n")
        self.neg(fmt, "ci/setup-netrc.sh",
                 'echo "machine git.acme.io login ci password ${GIT_TOKEN}" > ~/.netrc',
                 'echo "machine git.acme.io login ci password $CI_JOB_TOKEN" >> ~/.netrc',
                 "# netrc format: machine <host> login <user> password <password>")

    def utf16(self):
        fmt = "utf16"
        le = {"encoding": "utf-16-le"}
        be = {"encoding": "utf-16-be"}
        self.pos(fmt, "windows/Deploy-Sync.ps1", '$env:SYNC_API_TOKEN = "{v}"', "SYNC_API_TOKEN", kind="alnum",
                 header="\ufeff# Saved by Windows PowerShell 5 (UTF-16 LE with BOM)\r\nSet-StrictMode -Version Latest\r\n",
                 eol="\r\n", **le)
        self.pos(fmt, "windows/Deploy-Sync.ps1",
                 '$password = ConvertTo-SecureString "{v}" -AsPlainText -Force', rule="generic.password",
                 kind="password")
        self.tok(fmt, "windows/Deploy-Sync.ps1", '$headers = @{ Authorization = "Bearer {v}" }')
        self.neg(fmt, "windows/Deploy-Sync.ps1",
                 "$password = Read-Host -AsSecureString -Prompt 'Service password'",
                 "$token = $env:SYNC_API_TOKEN",
                 "$apiKey = Get-Secret -Name PartnerApiKey -AsPlainText")
        self.pos(fmt, "windows/acme-sync.reg", '"ApiToken"="{v}"', "ApiToken", kind="alnum",
                 header="\ufeffWindows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Acme\\Sync]\r\n",
                 eol="\r\n", **le)
        self.pos(fmt, "windows/acme-sync.reg", '"ServicePassword"="{v}"', "ServicePassword", kind="password")
        self.neg(fmt, "windows/acme-sync.reg",
                 '"PasswordHash"=hex:%s' % ",".join(rhex(self.rng, 2) for _ in range(16)),
                 '"TokenPath"="C:\\\\ProgramData\\\\Acme\\\\token.dat"')
        self.pos(fmt, "src/Acme.Sync/Web.config", '    <add key="ServiceToken" value="{v}" />', "ServiceToken",
                 kind="alnum",
                 header='<?xml version="1.0" encoding="utf-16"?>\r\n<configuration>\r\n  <appSettings>\r\n',
                 footer="  </appSettings>\r\n</configuration>\r\n", eol="\r\n", **le)
        self.tok(fmt, "src/Acme.Sync/Web.config", '    <add key="Deploy" value="{v}" />')
        self.neg(fmt, "src/Acme.Sync/Web.config", '    <add key="ServiceToken" value="__ServiceToken__" />')
        self.pos(fmt, "src/Acme.Sync/Strings.resx",
                 '  <data name="PartnerApiKey" xml:space="preserve">\r\n    <value>{v}</value>\r\n  </data>',
                 rule="generic.api-key", kind="hex40",
                 header='\ufeff<?xml version="1.0" encoding="utf-16"?>\r\n<root>\r\n', footer="</root>\r\n", eol="\r\n",
                 **be)
        self.pos(fmt, "windows/legacy/Install.ps1", "$DbPassword = '{v}'", "DbPassword", kind="alnum",
                 header="# UTF-16 BE without a BOM\r\n", eol="\r\n", **be)
        self.tok(fmt, "src/Acme.Sync/Strings.resx",
                 '  <data name="Webhook" xml:space="preserve">\r\n    <value>{v}</value>\r\n  </data>')

    def run(self):
        for step in (self.sql, self.xml_attributes, self.xml_elements, self.json_docs, self.yaml_flow,
                     self.properties, self.hcl, self.java_options, self.log_lines, self.code_constants,
                     self.dockerfile_env, self.markdown, self.curl, self.http_client, self.http_files, self.escaped_pem, self.netrc,
                     self.utf16):
            step()


def max_ascending_run(s: str) -> int:
    best = run = 1
    for a, b in zip(s.lower(), s.lower()[1:]):
        run = run + 1 if a.isalnum() and b.isalnum() and ord(b) == ord(a) + 1 else 1
        best = max(best, run)
    return best


def add_places(corpus: Corpus, rules: list[Rule], by_id: dict[str, Rule]):
    Places(corpus, rules, by_id).run()


# ----------------------------------------------------------------------------------------------------------
# --check: what the Python model of the rules predicts (quick feedback before running the Rust test)
# ----------------------------------------------------------------------------------------------------------


def predict(corpus: Corpus, rules: list[Rule], expected: list[dict]):
    exp = {(e["path"], e["line"], e["rule_id"]) for e in expected}
    got = set()
    markers = ("plimsoll:allow", "gitleaks:allow", "pragma: allowlist secret")
    lockfile_names = {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "Cargo.lock", "go.sum", "poetry.lock",
                      "Gemfile.lock"}
    for path, f in corpus.files.items():
        text = f.content().replace("\r\n", "\n")
        lock = path.rsplit("/", 1)[-1] in lockfile_names
        lines = text.split("\n")
        for r in rules:
            if r.py is None or not r.applies_to(path) or (lock and not r.high):
                continue
            for s, e in secret_spans(r, text):
                sec = text[s:e]
                if looks_placeholder(sec) or not acceptable(r, sec) or sec.startswith("$"):
                    continue
                if not r.high and looks_like_digest(sec):
                    continue
                ln = text.count("\n", 0, s) + 1
                if any(m in lines[ln - 1] for m in markers) or (
                        ln >= 2 and "allowlist nextline secret" in lines[ln - 2]):
                    continue
                got.add((path, ln, r.id))
    for k in sorted(got - exp):
        print("predicted FP:", *k)
    encoded = {"k8s-secret-data", "base64-blob", "docker-config-auth", "authorization-basic"}
    for k in sorted(exp - got):
        if corpus.category.get(k) not in encoded:
            print("predicted FN:", *k)


def main() -> int:
    check = "--check" in sys.argv
    rules, problems = load_rules()
    by_id = {r.id: r for r in rules}
    corpus = Corpus()
    uncovered = add_positives(corpus, rules, by_id, problems)
    add_negatives(corpus, rules, by_id)
    add_places(corpus, rules, by_id)
    written = corpus.write()
    expected = [e for e in written if not is_pending(e["path"])]
    pending = [e for e in written if is_pending(e["path"])]
    (HERE / "expected.json").write_text(json.dumps(expected, indent=1) + "\n")
    (HERE / "expected-pending.json").write_text(json.dumps(pending, indent=1) + "\n")
    manifest = {
        "seed": SEED,
        "rules": len(rules),
        "files": len(corpus.files),
        "positives": len(expected),
        "pending_positives": len(pending),
        "pending_places": sorted(PLACES_PENDING),
        "positives_by_host": dict(sorted(corpus.positives.items())),
        "negatives": sum(corpus.negatives.values()),
        "negatives_by_kind": dict(sorted(corpus.negatives.items())),
        "positives_by_rule": dict(sorted(corpus.per_rule.items())),
    }
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    for p in problems:
        print("warning:", p, file=sys.stderr)
    for r in uncovered:
        print(f"warning: rule {r} has fewer than 2 positives", file=sys.stderr)
    print(
        f"{len(rules)} rules, {len(corpus.files)} files, {len(expected)} positives, "
        f"{manifest['negatives']} negatives",
        file=sys.stderr,
    )
    if check:
        predict(corpus, rules, expected)
    return 0


if __name__ == "__main__":
    sys.exit(main())
