import fs from 'node:fs';
import path from 'node:path';
import { ICON_SIZES, renderIcons, toOutlineSvg } from '../../scripts/make-icons';
import { repoRoot } from './package-script';
import { readRgbaPng, type RgbaImage } from './png-reader';

const icons = renderIcons();
const svg = fs.readFileSync(path.join(repoRoot, 'deploy', 'appPackage', 'icon.svg'), 'utf8');

function alphaValues(image: RgbaImage): number[] {
  const alphas: number[] = [];
  for (let i = 3; i < image.pixels.length; i += 4) alphas.push(image.pixels[i]!);
  return alphas;
}

test('color.png is 192x192 and fully opaque', () => {
  const image = readRgbaPng(icons.color);
  expect([image.width, image.height]).toEqual([ICON_SIZES.color, ICON_SIZES.color]);
  expect(alphaValues(image).every((alpha) => alpha === 255)).toBe(true);
});

test('color.png is in colour, not a grey rendering', () => {
  const { pixels } = readRgbaPng(icons.color);
  const colours = new Set<string>();
  for (let i = 0; i < pixels.length; i += 4) colours.add(pixels.subarray(i, i + 3).toString('hex'));
  expect(colours.size).toBeGreaterThan(3);
});

test('outline.png is 32x32 and every pixel is white or fully transparent', () => {
  const image = readRgbaPng(icons.outline);
  expect([image.width, image.height]).toEqual([ICON_SIZES.outline, ICON_SIZES.outline]);
  const offenders: string[] = [];
  for (let i = 0; i < image.pixels.length; i += 4) {
    const [r, g, b, a] = image.pixels.subarray(i, i + 4);
    if (a !== 0 && (r !== 255 || g !== 255 || b !== 255))
      offenders.push(`#${i / 4}: ${r},${g},${b},${a}`);
  }
  expect(offenders).toEqual([]);
});

test('outline.png draws the bridge on a transparent background', () => {
  const alphas = alphaValues(readRgbaPng(icons.outline));
  const visible = alphas.filter((alpha) => alpha > 0).length;
  expect(visible).toBeGreaterThan(alphas.length * 0.1);
  expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(alphas.length * 0.3);
});

test('the outline transform refuses CSS colours it could not repaint', () => {
  const styled = svg.replace('<path ', '<path style="stroke:#123456" ');
  expect(() => toOutlineSvg(styled)).toThrow(/CSS/);
});
