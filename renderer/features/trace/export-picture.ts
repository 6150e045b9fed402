import { unwrap } from '../../../shared/ipc/result';
import { host } from '../../host';

/** SVG as its own file: the drawing's presentation attributes carry every colour and size. */
function svgBytes(svg: SVGSVGElement): Uint8Array {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const box = svg.viewBox.baseVal;
  clone.setAttribute('width', String(box.width));
  clone.setAttribute('height', String(box.height));
  return new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`,
  );
}

function safeName(name: string): string {
  return name.replace(/[\\/:*?"<>|]+/g, '_').slice(0, 120);
}

export async function saveSvg(svg: SVGSVGElement, name: string): Promise<boolean> {
  return unwrap(await host.saveFile({ suggestedName: safeName(name), kind: 'image', bytes: svgBytes(svg) }))
    .saved;
}

/** PNG at twice the drawing's size, for reports printed on paper. */
export async function savePng(svg: SVGSVGElement, name: string, scale = 2): Promise<boolean> {
  const bytes = svgBytes(svg);
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const box = svg.viewBox.baseVal;
    const canvas = document.createElement('canvas');
    canvas.width = box.width * scale;
    canvas.height = box.height * scale;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the picture could not be encoded as PNG');
    const png = new Uint8Array(await blob.arrayBuffer());
    return unwrap(await host.saveFile({ suggestedName: safeName(name), kind: 'image', bytes: png })).saved;
  } finally {
    URL.revokeObjectURL(url);
  }
}
