# Trellis console image: the Next.js standalone server, run as an unprivileged user on Node.js 24 (LTS).
#   docker build --platform linux/amd64 -t trellis .
#   docker run -p 3000:3000 -e AWS_REGION=us-east-1 -e TRELLIS_ALB_ARN=arn:aws:elasticloadbalancing:... trellis
# Build for the architecture the ECS task runs on: linux/amd64 for the template's default
# CpuArchitecture X86_64, linux/arm64 for ARM64 (deploy/trellis-ecs.yaml).
# The base image is pinned by digest; its tag names the Node version that scripts/ltsNode.mjs runs the
# build and the e2e image start under (deploy/dockerfile.test.ts keeps the two equal).
# The e2e smoke test starts .next/standalone exactly as CMD below does (e2e/support/dockerImage.ts
# reads this file), and deploy/dockerfile.test.ts checks the facts of both stages.
ARG NODE_IMAGE=node:24.18.0-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d

FROM ${NODE_IMAGE} AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Server source maps are not needed at run time; browser source maps are off (next.config.js).
RUN npm run build && find .next/standalone -name '*.map' -delete

FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
# HOSTNAME is not set here: Fargate sets its own. start.mjs listens on TRELLIS_LISTEN_HOST instead, and
# keeps idle connections open longer than the load balancer's 120 s idle timeout.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    TRELLIS_LISTEN_HOST=0.0.0.0 \
    KEEP_ALIVE_TIMEOUT=125000
# No package manager at run time: the server needs only node.
RUN rm -rf /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/corepack \
      /usr/local/bin/npm /usr/local/bin/npx /usr/local/bin/corepack /usr/local/bin/yarn /usr/local/bin/yarnpkg /opt/yarn-*
# Only the traced standalone output (server, start.mjs, production node_modules, static files, action
# policy): no sources, no dev dependencies. Owned by root, so the server cannot rewrite its own code.
COPY --from=build /src/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache && chmod 1777 /tmp
# The only places the server writes. Declared as volumes so that the task's mounts on a read-only root
# file system (deploy/trellis-ecs.yaml) start from these directories and their owners, not root 0755.
VOLUME ["/tmp", "/app/.next/cache"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "start.mjs"]
