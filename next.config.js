/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  reactStrictMode: true,
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
  // The emulator is a separate program; never bundle it or the benchmarks into the app.
  outputFileTracingExcludes: { '*': ['emulator/**', 'bench/**', 'e2e/**'] },
};

export default nextConfig;
