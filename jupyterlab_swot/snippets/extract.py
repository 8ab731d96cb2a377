# ---
# name: Extract a region, period, cycles and passes (good quality) with xarray
# description: The selected lines (box, period, cycles, passes; lines crossing the box kept whole), and only the good values of a variable: L3 quality_flag == 0, L2 <variable>_qual == 0.
# tags: [extract, quality, select, xarray]
# ---
{{open}}

variable = {{variable}}
# L3 flags every pixel with quality_flag; L2 flags each height with <variable>_qual (0: good).
flag = "quality_flag" if "quality_flag" in ds else f"{variable}_qual" if f"{variable}_qual" in ds else None
values = ds[variable] if flag is None else ds[variable].where(ds[flag] == 0)
good = int(values.count())
print(f"{variable}: {good:,} good values of {values.size:,} on {ds.sizes['num_lines']:,} lines ({flag or 'no quality flag'})")
values
