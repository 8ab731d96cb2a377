# ---
# name: Along-track wavenumber spectrum with numpy
# description: The along-track wavenumber spectrum of a variable, averaged over the columns 10-60 km off nadir and over passes (segments of 256 valid lines, linear trend removed, Hann window), with its slope between 70 and 250 km.
# tags: [spectra, wavenumber, numpy]
# ---
{{open}}
import pandas as pd

variable = {{variable}}
N, DX = 256, 2.0  # segment length (lines) and line spacing (km) of the 2 km products

values = ds[variable].values
pixels = values.shape[1]
if "cross_track_distance" in ds:
    ctd = np.asarray(ds["cross_track_distance"].values, dtype=float).reshape(-1, pixels)[0]
    ctd = ctd / 1000 if np.nanmax(np.abs(ctd)) > 1000 else ctd  # km
else:
    ctd = (np.arange(pixels) - (pixels - 1) / 2) * DX
columns = np.flatnonzero((np.abs(ctd) >= 10) & (np.abs(ctd) <= 60))

window = np.hanning(N)
t = np.arange(N)
key = ds["cycle_number"].values.astype(int) * 1000 + ds["pass_number"].values.astype(int)
psd, segments = np.zeros(N // 2 + 1), 0
for k in pd.unique(key):  # segments never span two passes
    part = values[key == k]
    for j in columns:
        y = part[:, j]
        for a in range(0, len(y) - N + 1, N):
            s = y[a:a + N]
            if np.isnan(s).any():  # a gap: no segment across it
                continue
            s = s - np.polyval(np.polyfit(t, s, 1), t)
            psd += 2 * DX * np.abs(np.fft.rfft(window * s)) ** 2 / np.sum(window ** 2)
            segments += 1
if segments == 0:
    raise ValueError(f"no segment of {N} valid lines in the selection: select longer passes")
psd /= segments
k = np.fft.rfftfreq(N, d=DX)  # cycles per km
band = (k >= 1 / 250) & (k <= 1 / 70)
slope = np.polyfit(np.log(k[band]), np.log(psd[band]), 1)[0]
print(f"{segments} segments; slope between 70 and 250 km: {slope:.2f}")
spectrum = pd.DataFrame({"wavelength (km)": 1 / k[1:], "psd (m2/(cy/km))": psd[1:]})
spectrum.iloc[[0, 3, 15, 63]]
