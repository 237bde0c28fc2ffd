export interface BarGroup {
  label: string;
  values: { series: string; value: number }[];
}

export interface Panel {
  title: string;
  unit: string;
  groups: BarGroup[];
  /** Log scale for values spanning orders of magnitude (engine vs grep). */
  log?: boolean;
}

const COLOURS = ['#2563eb', '#9ca3af', '#16a34a', '#f59e0b'];
const PANEL_WIDTH = 440;
const PANEL_HEIGHT = 260;

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function format(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function panel(spec: Panel, x: number, y: number): string {
  const plotTop = 48;
  const plotBottom = PANEL_HEIGHT - 40;
  const plotHeight = plotBottom - plotTop;
  const series = [...new Set(spec.groups.flatMap((group) => group.values.map((v) => v.series)))];
  const max = Math.max(...spec.groups.flatMap((group) => group.values.map((v) => v.value)), 1e-9);
  const min = spec.log
    ? Math.min(...spec.groups.flatMap((g) => g.values.map((v) => v.value)).filter((v) => v > 0)) / 2
    : 0;
  const scale = (value: number): number => {
    if (value <= 0) return 0;
    if (!spec.log) return (value / max) * plotHeight;
    return (Math.log10(value / min) / Math.log10(max / min)) * plotHeight;
  };
  const groupWidth = (PANEL_WIDTH - 40) / spec.groups.length;
  const barWidth = Math.min(36, (groupWidth - 16) / series.length);
  const parts: string[] = [
    `<g transform="translate(${x},${y})">`,
    `<text x="20" y="20" font-size="14" font-weight="600">${escapeXml(spec.title)}</text>`,
    `<text x="20" y="36" font-size="11" fill="#6b7280">${escapeXml(spec.unit)}${spec.log ? ' (log scale)' : ''}</text>`,
    `<line x1="20" y1="${plotBottom}" x2="${PANEL_WIDTH - 20}" y2="${plotBottom}" stroke="#d1d5db"/>`,
  ];
  spec.groups.forEach((group, groupIndex) => {
    const groupX = 20 + groupIndex * groupWidth + (groupWidth - barWidth * series.length) / 2;
    group.values.forEach(({ series: name, value }) => {
      const index = series.indexOf(name);
      const height = scale(value);
      const barX = groupX + index * barWidth;
      parts.push(
        `<rect x="${barX.toFixed(1)}" y="${(plotBottom - height).toFixed(1)}" width="${(barWidth - 3).toFixed(1)}" height="${height.toFixed(1)}" fill="${COLOURS[index % COLOURS.length]}"/>`,
        `<text x="${(barX + (barWidth - 3) / 2).toFixed(1)}" y="${(plotBottom - height - 4).toFixed(1)}" font-size="10" text-anchor="middle">${format(value)}</text>`,
      );
    });
    parts.push(
      `<text x="${(20 + groupIndex * groupWidth + groupWidth / 2).toFixed(1)}" y="${plotBottom + 16}" font-size="11" text-anchor="middle">${escapeXml(group.label)}</text>`,
    );
  });
  series.forEach((name, index) => {
    const legendX = 20 + index * 140;
    parts.push(
      `<rect x="${legendX}" y="${PANEL_HEIGHT - 16}" width="10" height="10" fill="${COLOURS[index % COLOURS.length]}"/>`,
      `<text x="${legendX + 14}" y="${PANEL_HEIGHT - 7}" font-size="11">${escapeXml(name)}</text>`,
    );
  });
  parts.push('</g>');
  return parts.join('\n');
}

/** A grid of bar-chart panels as one standalone SVG document. */
export function renderChart(title: string, panels: Panel[]): string {
  const columns = 2;
  const rows = Math.ceil(panels.length / columns);
  const width = columns * PANEL_WIDTH;
  const height = rows * PANEL_HEIGHT + 40;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="20" y="26" font-size="16" font-weight="700">${escapeXml(title)}</text>`,
    ...panels.map((spec, index) =>
      panel(spec, (index % columns) * PANEL_WIDTH, 40 + Math.floor(index / columns) * PANEL_HEIGHT),
    ),
    '</svg>',
    '',
  ].join('\n');
}
