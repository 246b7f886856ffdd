#!/usr/bin/env bash
# Renders the plan export (.docx) of a sample plan to PNG pages with LibreOffice, so a person can
# look at it: `scripts/render-export.sh [out-dir] [nl|en]`. Not part of `npm test` (it needs
# LibreOffice: apt-get install -y libreoffice-writer-nogui poppler-utils).
set -euo pipefail
cd "$(dirname "$0")/.."

out="${1:-/tmp/brugbot-export}"
lang="${2:-nl}"
for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install -y libreoffice-writer-nogui poppler-utils" >&2; exit 2; }
done

node -r ./test/helpers/register-ts.js scripts/write-sample-export.ts "$out" "$lang" >/dev/null
# A private profile: a desktop LibreOffice that is already running cannot block the conversion.
soffice -env:UserInstallation="file://$out/lo-profile" --headless --convert-to pdf --outdir "$out" "$out/plan.docx" >/dev/null
rm -f "$out"/page-*.png
pdftoppm -png -r 60 "$out/plan.pdf" "$out/page"
ls "$out"/page-*.png
