// ---
// name: Along-track wavenumber spectrum
// description: The along-track wavenumber spectrum of a variable, averaged over the columns 10-60 km off nadir and over passes (segments split at gaps, detrended, Hann window), with its slope between 70 and 250 km.
// tags: [spectra, wavenumber]
// ---
import * as swot from "jupyterlab-swot/kernel";

const ds = await swot.open({{target}}, { subset: {{subset}} });
const s = await swot.spectrum(ds, {{variable}}, {
  segmentLength: 256,   // lines of 2 km: 512 km
  window: "hann",
  query: { cycles: {{cycles}}, passes: {{passes}}, bbox: {{bbox}}, time: {{time}} },
});
// Slope of log(psd) against log(wavenumber) between 70 and 250 km wavelength.
const xs: number[] = [];
const ys: number[] = [];
s.wavenumber.forEach((k, i) => {
  if (k >= 1 / 250 && k <= 1 / 70 && s.psd[i] > 0) {
    xs.push(Math.log(k));
    ys.push(Math.log(s.psd[i]));
  }
});
const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
const my = ys.reduce((a, b) => a + b, 0) / ys.length;
const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i] - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
console.log(`${s.segments} segments; slope between 70 and 250 km: ${slope.toFixed(2)}`);
console.table([1, 4, 16, 64].filter(i => i < s.wavenumber.length).map(i => ({ wavelength_km: +(1 / s.wavenumber[i]).toFixed(1), psd_m2_per_cpkm: s.psd[i] })));
({ segments: s.segments, slope })
