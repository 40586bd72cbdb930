# syntax=docker/dockerfile:1
# plimsoll in a small image: build with the Rust toolchain, ship only the binary on Debian slim, run as an
# unprivileged user. Scan a checkout with:
#   docker run --rm -v "$PWD:/src:ro" plimsoll scan .
# Base images are pinned to exact versions; in CI, pin their digests too (Renovate/Dependabot can keep them
# current): `docker buildx imagetools inspect rust:1.95.0-slim-trixie` prints the digest.

FROM rust:1.95.0-slim-trixie AS build
WORKDIR /build
COPY Cargo.toml Cargo.lock build.rs ./
COPY src ./src
COPY rules ./rules
COPY benches ./benches
# Cache mounts keep the registry and build artifacts between builds without putting them in a layer.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/build/target \
    cargo build --release --locked --bin plimsoll \
    && cp target/release/plimsoll /usr/local/bin/plimsoll \
    && strip /usr/local/bin/plimsoll

FROM debian:13.1-slim
LABEL org.opencontainers.image.title="plimsoll" \
      org.opencontainers.image.description="Finds hard-coded secrets and unsafe Dockerfiles before they ship."
COPY --from=build /usr/local/bin/plimsoll /usr/local/bin/plimsoll
# A fixed numeric UID/GID, not root; no shell login, no home needed.
USER 10001:10001
# A one-shot command-line scanner, not a service: there is nothing for a health check to probe.
HEALTHCHECK NONE
WORKDIR /src
ENTRYPOINT ["/usr/local/bin/plimsoll"]
CMD ["scan", "."]
