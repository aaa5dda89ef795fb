# Trellis console image: the Next.js standalone server, run as an unprivileged user.
#   docker build -t trellis .
#   docker run -p 3000:3000 -e AWS_REGION=us-east-1 -e TRELLIS_ALB_ARN=arn:aws:elasticloadbalancing:... trellis
# The e2e smoke test starts .next/standalone exactly as CMD below does (e2e/support/dockerImage.ts
# reads this file), and deploy/dockerfile.test.ts checks the facts of both stages.
ARG NODE_IMAGE=node:20-bookworm-slim

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
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# Only the traced standalone output (server, production node_modules, static files, action policy):
# no sources, no dev dependencies. Owned by root, so the server cannot rewrite its own code.
COPY --from=build /src/.next/standalone ./
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
