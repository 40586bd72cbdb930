//! DF043: world-writable permissions.

use super::{Context, Hit};
use crate::dockerfile::model::flag;
use parse_dockerfile::Instruction;

rule! {
    /// ## What it does
    /// Reports `chmod` with a mode that lets everyone write (`777`, `666`, `o+w`, `a+rwx`, …) and
    /// `COPY`/`ADD --chmod=` with such a mode. Modes with the sticky bit (`1777`, as for `/tmp`) are fine.
    ///
    /// ## Why is this bad?
    /// Any process in the container, whatever user it runs as, can then replace the files — typically the
    /// application's own code or configuration — which turns a minor foothold into code execution as the
    /// application.
    ///
    /// ## Example
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY . /app
    /// RUN chmod -R 777 /app
    /// ```
    ///
    /// ## Use instead
    /// ```dockerfile
    /// FROM node:22-slim
    /// COPY --chown=node:node . /app
    /// RUN chmod -R u=rwX,go=rX /app
    /// ```
    WorldWritable {
        id: "DF043",
        name: "world-writable",
        severity: Warning,
        summary: "Files are made writable by every user.",
        twins: [],
        cwe: ["CWE-732"],
        security_severity: 5.5,
        enabled: true,
    }
}

/// Whether a chmod mode grants write to others (without the sticky bit).
pub(crate) fn world_writable(mode: &str) -> bool {
    if !mode.is_empty() && mode.chars().all(|c| c.is_digit(8)) {
        let digits: Vec<u32> = mode.chars().filter_map(|c| c.to_digit(8)).collect();
        let others = *digits.last().unwrap_or(&0);
        let sticky = digits.len() == 4 && digits[0] & 1 == 1;
        return others & 2 == 2 && !sticky;
    }
    mode.split(',').any(|clause| {
        let who_end = clause.find(['+', '-', '=']).unwrap_or(clause.len());
        let who = &clause[..who_end];
        if !(who.contains('o') || who.contains('a')) {
            return false;
        }
        let (mut op, mut grants, mut sticky) = (' ', false, false);
        for c in clause[who_end..].chars() {
            match c {
                '+' | '-' | '=' => op = c,
                'w' if op != '-' => grants = true,
                't' if op != '-' => sticky = true,
                _ => {}
            }
        }
        grants && !sticky
    })
}

fn check(cx: &Context<'_, '_>, out: &mut Vec<Hit>) {
    for (i, ins) in cx.model.instrs.iter().enumerate() {
        let copy_mode = match ins.inner {
            Instruction::Copy(c) => flag(&c.options, "chmod"),
            Instruction::Add(a) => flag(&a.options, "chmod"),
            _ => None,
        };
        if let Some(mode) = copy_mode
            && world_writable(mode)
        {
            out.push(Hit::new(
                i,
                format!("--chmod={mode} makes the files writable by every user; drop write for others"),
            ));
            continue;
        }
        let Some(run) = &ins.run else { continue };
        let bad = run.script.commands.iter().filter(|c| c.is("chmod")).find_map(|c| {
            c.args()
                .iter()
                .find(|a| !a.starts_with('-') && world_writable(a))
                .cloned()
        });
        if let Some(mode) = bad {
            out.push(Hit::new(
                i,
                format!("`chmod {mode}` makes files writable by every user; grant write to the owner only"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{catches, passes};
    use super::world_writable;

    #[test]
    fn modes() {
        for m in ["777", "666", "0777", "a+w", "o+rwx", "ugo=rwx", "u+x,o+w", "2777"] {
            assert!(world_writable(m), "{m}");
        }
        for m in ["755", "644", "1777", "+x", "u+w", "go-w", "a+rx", "o-w", "g+w"] {
            assert!(!world_writable(m), "{m}");
        }
    }

    #[test]
    fn table() {
        catches("DF043", "FROM a:1\nRUN chmod -R 777 /app\n");
        catches("DF043", "FROM a:1\nCOPY --chmod=666 a /a\n");
        passes(
            "DF043",
            "FROM a:1\nRUN chmod 1777 /tmp && chmod 755 /x && chmod +x /y\n",
        );
    }
}
