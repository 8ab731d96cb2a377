// ---
// name: Geostrophic currents, vorticity, strain, Okubo-Weiss
// description: Surface geostrophic velocities from the sea level anomaly, relative vorticity and strain (divided by f) and the Okubo-Weiss parameter, pass by pass on the swath (9-point stencil, spherical Jacobian), then their statistics.
// tags: [diagnostics, currents, vorticity, strain, okubo-weiss]
// ---
import * as swot from "jupyterlab-swot/kernel";

const ds = await swot.open({{target}}, { subset: {{subset}} });
const d = await swot.diagnostics(ds, {
  what: ["u", "v", "speed", "vorticity", "strain", "okubo_weiss"],
  height: "anomaly",   // "absolute": SSHA + MDT
  latMin: 5,           // no geostrophy within 5 degrees of the equator
  query: { cycles: {{cycles}}, passes: {{passes}}, bbox: {{bbox}}, time: {{time}}, quality: "good" },
});
const rows = [];
for (const name of ["u", "v", "speed", "vorticity", "strain", "okubo_weiss"]) {
  const { total } = await swot.stats(d, name);
  rows.push({ name, units: d.get(name).attrs["units"], count: total.count, mean: total.mean, rms: total.rms, min: total.min, max: total.max });
}
console.table(rows);
d
