# teehee-server image (Debian 12). Stage 1 builds the same .deb as the Linux
# package (server only: no desktop app, so no Qt Quick in the image); stage 2
# installs it, so the container runs exactly what the .deb ships.
#   docker build -t teehee-server .      (docker-compose.yml does this for you)

FROM debian:12 AS build
ARG DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      build-essential cmake ninja-build pkg-config dpkg-dev file \
      qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev \
      qtkeychain-qt6-dev libssl-dev libsodium-dev libcrypt-dev \
      libjs-marked node-dompurify libjs-highlight.js brotli \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DTEEHEE_BUILD_APP=OFF -DTEEHEE_BUILD_TESTS=OFF -DTEEHEE_BUILD_BENCH=OFF \
 && cmake --build /build \
 && cd /build && cpack -G DEB

FROM debian:12-slim
ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /build/teehee_*.deb /tmp/
# apt resolves the .deb's Depends (Qt libraries, SQLite and PostgreSQL drivers);
# its postinst creates the system user "teehee". curl is for the health check.
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/teehee_*.deb ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* /tmp/teehee_*.deb \
 && install -d -o teehee -g teehee -m 0750 /var/lib/teehee

# Same layout as the systemd unit: data (SQLite database, generated secrets) in
# /var/lib/teehee. HOST must be 0.0.0.0 in a container to be reachable.
ENV TEEHEE_DATA_DIR=/var/lib/teehee HOST=0.0.0.0 PORT=8000
VOLUME /var/lib/teehee
WORKDIR /var/lib/teehee
USER teehee
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" || exit 1
CMD ["teehee-server"]
