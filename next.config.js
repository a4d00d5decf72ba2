/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly and data files it loads from its own package folder at run time;
  // pg has optional native bindings. Both must stay plain Node requires, not bundled.
  // @react-pdf/renderer (pdfkit, fontkit, yoga's WebAssembly) renders the issued PDFs on the
  // server: loaded from node_modules as is, like in the tests, so what is tested is what runs.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@react-pdf/renderer"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};
module.exports = nextConfig;
