/**
 * d3-axis into an SVG group, styled once: the only place the charts touch d3-selection.
 * Used as a Svelte attachment factory: `{@attach axis(axisBottom(x).ticks(4))}`.
 */
import type { Axis, AxisDomain } from 'd3-axis';
import { select } from 'd3-selection';

export function axis<D extends AxisDomain>(a: Axis<D>): (g: SVGGElement) => void {
  return (g) => {
    const sel = select(g);
    sel.call(a);
    sel.select('.domain').attr('stroke', '#c4ccd6');
    sel.selectAll('.tick line').attr('stroke', '#c4ccd6');
    sel.selectAll('.tick text').attr('fill', '#5a6372').attr('font-size', null).attr('font-family', null);
  };
}
