# syntax=docker/dockerfile:1
# Fremdrift as a container: Node 22 LTS, compiled JavaScript, production dependencies only, non-root.
#   docker build -t fremdrift .
#   docker run -p 3978:3978 --env-file prod.env fremdrift
# The image expects production settings (see docs/deploy.md); it refuses to start without them, and it
# has no embedded Cosmos DB server (a development dependency): COSMOS_ENDPOINT is required.
#
# Every stage starts from the same base image, pinned by digest so a rebuild cannot silently pick up a
# different image: node:22 (22.22.1) on Debian bookworm-slim, multi-architecture index digest as of
# 2026-03-07. To move to a newer patch release, look the digest up and replace all three lines:
#   docker buildx imagetools inspect node:22-bookworm-slim --format '{{json .Manifest.Digest}}'

# 1. Compile TypeScript (needs the dev dependencies, which stay in this stage).
FROM node:22-bookworm-slim@sha256:9c2c405e3ff9b9afb2873232d24bb06367d649aa3e6259cbe314da59578e81e9 AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only. botbuilder-dialogs' postinstall runs `npx rimraf`, and rimraf is a
#    production dependency, so this works without dev dependencies.
FROM node:22-bookworm-slim@sha256:9c2c405e3ff9b9afb2873232d24bb06367d649aa3e6259cbe314da59578e81e9 AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: code and dependencies owned by root and read-only to the app's user.
FROM node:22-bookworm-slim@sha256:9c2c405e3ff9b9afb2873232d24bb06367d649aa3e6259cbe314da59578e81e9 AS runtime
ENV NODE_ENV=production \
    PORT=3978
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
