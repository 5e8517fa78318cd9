# syntax=docker/dockerfile:1
# Fremdrift as a container: Node 22 LTS, compiled JavaScript, production dependencies only, non-root.
#   docker build -t fremdrift .
#   docker run -p 3978:3978 --env-file prod.env fremdrift
# The image expects production settings (see docs/deploy.md); it refuses to start without them.

# 1. Compile TypeScript (needs the dev dependencies, which stay in this stage).
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# 2. Production dependencies only. botbuilder-dialogs' postinstall runs `npx rimraf`, and rimraf is a
#    production dependency, so this works without dev dependencies.
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# 3. Runtime: code and dependencies owned by root and read-only to the app's user.
FROM node:22-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
# Only used when no COSMOS_ENDPOINT is set (embedded store, local trials); production uses Cosmos DB.
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3978) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/bot/main.js"]
