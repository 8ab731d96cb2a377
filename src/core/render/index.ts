/**
 * src/core/render: the pure, isomorphic half of the swath view (no DOM, no
 * Node). Colour maps, colour limits, TopoJSON land, the rasteriser, the
 * painter, the static figure and the kernel -> browser payload.
 */
export * from './colormaps';
export * from './percentile';
export * from './base64';
export * from './pack';
export * from './scene';
export * from './view';
export * from './topojson';
export * from './geometry';
export * from './rasterize';
export * from './draw';
export * from './text';
export * from './figure-svg';
export * from './figure';
export * from './payload';
export * from './lod';
export * from './layers';
export * from './empty';
export * from './native';
