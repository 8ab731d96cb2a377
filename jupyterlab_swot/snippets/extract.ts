// ---
// name: Extract a region, period, cycles and passes (good quality)
// description: Read only the selected lines (box, period, cycles, passes) and keep the good values: L3 quality_flag == 0, L2 <variable>_qual == 0. Lines crossing the box are kept whole.
// tags: [extract, quality, select]
// ---
import * as swot from "jupyterlab-swot/kernel";

const ds = await swot.open({{target}}, { subset: {{subset}} });
const variable = {{variable}};
const variables: string[] | undefined = {{variables}};
const sel = await ds.select({
  variables: variables ?? [variable],
  cycles: {{cycles}},
  passes: {{passes}},
  bbox: {{bbox}},
  time: {{time}},
  quality: "good",
});
console.log(sel.toString());
const values = sel.get(variable).data;
let good = 0;
for (let i = 0; i < values.length; i++) {
  if (!Number.isNaN(values[i])) {
    good++;
  }
}
console.log(`${variable}: ${good.toLocaleString("en")} good values of ${values.length.toLocaleString("en")} on ${sel.dims.num_lines} lines`);
({ lines: sel.dims.num_lines, good })
