'use strict';
/**
 * Renders the two Teams app icons from deploy/appPackage/icon.svg:
 *   color.png   192x192, the drawing as is (opaque background);
 *   outline.png  32x32, white on transparent.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: deploy/appPackage)
 * The default lets the Agents Toolkit's teamsApp/zipAppPackage find the icons next to
 * manifest.json; they are git-ignored there because the SVG is the only source.
 */
const fs = require('node:fs');
const path = require('node:path');
const { Resvg } = require('@resvg/resvg-js');

const repoRoot = path.resolve(__dirname, '..');
const defaultSvgPath = path.join(repoRoot, 'deploy', 'appPackage', 'icon.svg');

/** Sizes required by the Teams app manifest (icons.color / icons.outline). */
const ICON_SIZES = Object.freeze({ color: 192, outline: 32 });

/**
 * Turns the colour drawing into the outline drawing. Teams requires the outline icon to be
 * white on transparent, so the background is dropped and every paint becomes white. The
 * transform is plain text editing, so it refuses SVG features it cannot see through.
 */
function toOutlineSvg(source) {
  // Comments may mention <style> or colours; they are not part of the drawing.
  const svg = source.replace(/<!--[\s\S]*?-->/g, '');
  if (/<style\b|\bstyle\s*=/.test(svg)) {
    throw new Error('icon.svg: use fill/stroke attributes, not CSS, so the outline can be derived');
  }
  if (/<(linearGradient|radialGradient|image|text)\b/.test(svg)) {
    throw new Error('icon.svg: gradients, images and text cannot be turned into a white outline');
  }
  const background = /<rect\b[^>]*\bid="background"[^>]*\/>/g;
  const matches = svg.match(background) ?? [];
  if (matches.length !== 1) {
    throw new Error('icon.svg: expected exactly one self-closing <rect id="background" .../>');
  }
  const outlineViewBox = /\bdata-outline-viewbox="([^"]+)"/.exec(svg);
  if (!outlineViewBox) {
    throw new Error('icon.svg: the root <svg> needs data-outline-viewbox="x y w h"');
  }
  return svg
    .replace(background, '')
    .replace(/\b(fill|stroke)="(?!none")[^"]*"/g, '$1="#FFFFFF"')
    .replace(/\bviewBox="[^"]*"/, `viewBox="${outlineViewBox[1]}"`);
}

function renderPng(svg, size, label) {
  const image = new Resvg(svg, {
    fitTo: { mode: 'width', value: size },
    // The icon draws no text; skipping system fonts keeps rendering fast and machine-independent.
    font: { loadSystemFonts: false },
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(`${label}: rendered ${image.width}x${image.height}, expected ${size}x${size}`);
  }
  return image.asPng();
}

/** Renders both icons in memory; returns PNG buffers keyed like manifest.icons. */
function renderIcons(svgPath = defaultSvgPath) {
  const svg = fs.readFileSync(svgPath, 'utf8');
  return {
    color: renderPng(svg, ICON_SIZES.color, 'color.png'),
    outline: renderPng(toOutlineSvg(svg), ICON_SIZES.outline, 'outline.png'),
  };
}

/** Writes color.png and outline.png into outDir and returns their paths. */
function writeIcons(outDir, svgPath = defaultSvgPath) {
  const icons = renderIcons(svgPath);
  fs.mkdirSync(outDir, { recursive: true });
  const written = {
    color: path.join(outDir, 'color.png'),
    outline: path.join(outDir, 'outline.png'),
  };
  fs.writeFileSync(written.color, icons.color);
  fs.writeFileSync(written.outline, icons.outline);
  return written;
}

module.exports = { ICON_SIZES, renderIcons, toOutlineSvg, writeIcons };

if (require.main === module) {
  try {
    const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'deploy', 'appPackage'));
    const written = writeIcons(outDir);
    const shown = Object.values(written).map((file) => path.relative(process.cwd(), file));
    console.log(`Wrote ${shown.join(' and ')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
