# syntax=docker/dockerfile:1

# ---- build: compiles TypeScript and the native modules (better-sqlite3, re2) -------------------
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# Scripts off: "prepare" would build before the sources are here. The two native modules are then
# built (or their prebuilt binaries fetched) explicitly.
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3 re2
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npx tsc -p tsconfig.build.json \
 && npm prune --omit=dev --ignore-scripts

# ---- runtime: only what the service reads, as the unprivileged "node" user ---------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# Read at run time: the knowledge base and the web pages' assets (found from package.json).
COPY patterns ./patterns
COPY src/web/assets ./src/web/assets
# The default SQLite file lives in ./data; mount a volume there when not using PostgreSQL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): in-flight requests finish, then it exits 0.
CMD ["node", "dist/src/main.js"]
