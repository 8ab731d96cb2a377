"""L2_LR_SSH Basic and Expert granules (flat netCDF4, CF-1.7), variables from the specifications.

Relations between variables (all on the valid swath, 10-60 km, over ocean):

* ``ssha_karin_2 = truth + karin_noise - height_cor_xover (+ spikes in the corrupted block)``,
  so ``ssha_karin_2 + height_cor_xover`` is the truth plus white noise;
* ``ssha_karin = ssha_karin_2 + model_wet_tropo_cor - rad_wet_tropo_cor``;
* ``ssh_karin(_2) = ssha_karin(_2) + mean_sea_surface_cnescls + solid_earth_tide +
  ocean_tide_fes + internal_tide_hret + pole_tide + dac`` (the spec's definition of ssha).

``*_qual`` follow the specification files' ``flag_values = 0 1`` (good, bad): 1 over land,
in the spike block, under heavy rain and sea ice; fill where there is no measurement.
"""
from __future__ import annotations

import functools
import pathlib

import netCDF4
import numpy as np

from . import config, encode, spec
from .scene import CROSS_TRACK, Scene

SUBSETS = {"Basic": "l2b-ssh.xml", "Expert": "l2b-expert.xml"}

# The Expert subset written here (the specification has 88 variables; spec order is kept).
# The heights (ssh_karin, ssh_karin_2, ssha_karin), the mean sea surface, the geoid and the internal
# tide are in the Basic subset; the Expert subset keeps ssha_karin_2, the corrections and the flags
# (33 variables: the sample's size budget).
EXPERT_VARIABLES = (
    "time", "time_tai", "latitude", "longitude", "ssh_karin_uncert",
    "ssha_karin_2", "ssha_karin_qual", "polarization_karin", "swh_karin",
    "sig0_karin_2", "wind_speed_karin", "sig0_karin_qual", "num_pt_avg",
    "wind_speed_rad", "distance_to_coast", "ancillary_surface_classification_flag",
    "dynamic_ice_flag", "rain_flag", "rad_surface_type_flag", "sc_altitude", "latitude_nadir",
    "longitude_nadir", "velocity_heading", "cross_track_distance", "mean_dynamic_topography", "solid_earth_tide",
    "ocean_tide_fes", "dac", "model_dry_tropo_cor", "model_wet_tropo_cor",
    "rad_wet_tropo_cor", "iono_cor_gim_ka", "height_cor_xover",
)
COMPLEVEL = 4
SIDE_PIXELS = (24, 44)  # radiometer footprints: 20 km left and right of nadir


@functools.lru_cache(maxsize=4)
def product_spec(subset: str) -> spec.ProductSpec:
    return spec.load(config.SHARED_DATA / "spec" / SUBSETS[subset])


def variables(subset: str) -> list[spec.VariableSpec]:
    ps = product_spec(subset)
    if subset == "Basic":
        return list(ps.variables.values())
    return [v for k, v in ps.variables.items() if k in EXPERT_VARIABLES]


def masks(s: Scene):
    nl, npx = s.shape
    present = np.ones(nl, dtype=bool)
    present[list(s.corruption.missing_lines)] = False
    meas = s.valid[None, :] & present[:, None]
    ocean = ~s.land
    s0, s1 = s.corruption.spike_lines
    block = np.zeros(nl, dtype=bool)
    block[s0: s1 + 1] = True
    return present, meas, ocean, block


def physical_values(s: Scene) -> dict:
    """Every L2 variable in physical units (NaN = fill), on the L2 grid."""
    f = s.fields
    nl, npx = s.shape
    present, meas, ocean, block = masks(s)
    nan = np.nan
    wet = meas & ocean
    ssha2 = f["ssha_true"] + f["karin_noise"] + f["xover_error"] + f["spikes"]
    ssha1 = ssha2 + f["model_wet_tropo"] - f["rad_wet_tropo"]
    geo_sum = f["mss"] + f["solid_earth_tide"] + f["ocean_tide"] + f["internal_tide"] + f["pole_tide"] + f["dac"]
    bad = (s.land | block[:, None] | (s.rain == 2) | (s.ice == 2))
    qual = np.where(meas, np.where(bad, 1.0, 0.0), nan)
    side = np.array(SIDE_PIXELS)
    side_land = s.land[:, side]
    side_coast = f["distance_to_coast"][:, side] < 40000.0
    ancillary = np.where(s.land, 1.0, 0.0)
    ice_sheet = s.land & ((s.geo.lat < -60.0) | ((s.geo.lat > 59.0) & (s.geo.lon > 285.0) & (s.geo.lon < 350.0)))
    ancillary[ice_sheet] = 4.0
    num_pt = np.clip(np.round(289.0 * np.clip(f["distance_to_coast"] / 10000.0, 0.2, 1.0)), 0, 289)
    return {
        "time": s.geo.time,
        "time_tai": s.geo.time + config.TAI_UTC,
        "latitude": s.geo.lat,
        "longitude": s.geo.lon,
        "ssh_karin": np.where(wet, ssha1 + geo_sum, nan),
        "ssh_karin_uncert": np.where(wet, f["karin_sigma"], nan),
        "ssha_karin": np.where(wet, ssha1, nan),
        "ssh_karin_2": np.where(wet, ssha2 + geo_sum, nan),
        "ssha_karin_2": np.where(wet, ssha2, nan),
        "ssha_karin_qual": qual,
        "polarization_karin": present,
        "swh_karin": np.where(wet, f["swh"], nan),
        "sig0_karin": np.where(wet, f["sig0"], nan),
        "sig0_karin_2": np.where(wet, f["sig0_2"], nan),
        "wind_speed_karin": np.where(wet, f["wind_karin"], nan),
        "sig0_karin_qual": qual,
        "num_pt_avg": np.where(meas, np.where(s.land, 0.0, num_pt), nan),
        "wind_speed_model_u": f["wind_u_model"],
        "wind_speed_model_v": f["wind_v_model"],
        "wind_speed_rad": np.where(side_land, nan, f["wind_model"][:, side]),
        "distance_to_coast": f["distance_to_coast"],
        "heading_to_coast": f["heading_to_coast"],
        "ancillary_surface_classification_flag": ancillary,
        "dynamic_ice_flag": np.where(s.land, nan, s.ice.astype(np.float64)),
        "rain_flag": s.rain.astype(np.float64),
        "rad_surface_type_flag": np.where(side_land, 2.0, np.where(side_coast, 1.0, 0.0)),
        "sc_altitude": s.geo.altitude,
        "latitude_nadir": s.geo.lat_nadir,
        "longitude_nadir": s.geo.lon_nadir,
        "velocity_heading": s.geo.heading,
        "cross_track_distance": np.broadcast_to(CROSS_TRACK, (nl, npx)),
        "mean_sea_surface_cnescls": f["mss"],
        "mean_sea_surface_cnescls_uncert": 0.012 + 0.01 * np.abs(np.sin(np.radians(3 * s.geo.lat))),
        "geoid": f["geoid"],
        "mean_dynamic_topography": np.where(ocean, f["mdt"], nan),
        "solid_earth_tide": f["solid_earth_tide"],
        "ocean_tide_fes": np.where(ocean, f["ocean_tide"], nan),
        "internal_tide_hret": np.where(ocean, f["internal_tide"], nan),
        "dac": f["dac"],
        "model_dry_tropo_cor": f["model_dry_tropo"],
        "model_wet_tropo_cor": f["model_wet_tropo"],
        "rad_wet_tropo_cor": np.where(ocean, f["rad_wet_tropo"], nan),
        "iono_cor_gim_ka": f["iono"],
        "height_cor_xover": np.where(wet, -f["xover_error"], nan),
        "sea_state_bias_cor": np.where(wet, f["ssb"], nan),
    }


def global_attributes(ps: spec.ProductSpec, product_file_id: str, orbit_name: str, cycle: int,
                      pass_number: int, geo) -> dict:
    """Root attributes listed by a specification, in its order. ``geo``: the swath (lon/lat with
    the left edge in column 0 and the right edge in the last column, time, nadir)."""
    lon, lat, t = geo.lon, geo.lat, geo.time
    eq = int(np.argmin(np.abs(geo.lat_nadir)))
    lon_w = ((lon + 180.0) % 360.0) - 180.0
    # bounding box: longitudes in [0, 360) unless the granule crosses 0 (then lon_min > lon_max)
    span_0360 = lon.max() - lon.min()
    span_180 = lon_w.max() - lon_w.min()
    if span_180 < span_0360:
        lon_min, lon_max = lon_w.min() % 360.0, lon_w.max() % 360.0
    else:
        lon_min, lon_max = lon.min(), lon.max()
    values_by_name = {
        "Conventions": "CF-1.7",
        "title": ps.global_attrs[("", "title")][2],  # the specification's own description
        "institution": "CNES",
        "source": "Ka-band radar interferometer (synthetic sample generated by jupyterlab-swot "
                  f"tools/generate_sample_data.py v{config.GENERATOR_VERSION}: not real data)",
        "history": f"{config.PROCESSING_DATE} : Creation",
        "platform": "SWOT",
        "references": "V1.2.1",
        "reference_document": "D-56407_SWOT_Product_Description_L2_LR_SSH",
        "contact": "CNES aviso@altimetry.fr, JPL podaac@podaac.jpl.nasa.gov",
        "cycle_number": np.int16(cycle),
        "pass_number": np.int16(pass_number),
        "equator_time": encode.iso(t[eq]),
        "equator_longitude": np.float64(round(float(geo.lon_nadir[eq]), 6)),
        "short_name": "L2_LR_SSH",
        "product_file_id": product_file_id,
        "crid": config.L2_CRID,
        "product_version": config.L2_PRODUCT_COUNTER,
        "pge_name": "PGE_L2_LR_SSH",
        "pge_version": "5.1.2",
        "time_coverage_start": encode.iso(t[0]),
        "time_coverage_end": encode.iso(t[-1]),
        "geospatial_lon_min": np.float64(round(float(lon_min), 6)),
        "geospatial_lon_max": np.float64(round(float(lon_max), 6)),
        "geospatial_lat_min": np.float64(round(float(lat.min()), 6)),
        "geospatial_lat_max": np.float64(round(float(lat.max()), 6)),
        "left_first_longitude": np.float64(lon[0, 0]),
        "left_first_latitude": np.float64(lat[0, 0]),
        "left_last_longitude": np.float64(lon[-1, 0]),
        "left_last_latitude": np.float64(lat[-1, 0]),
        "right_first_longitude": np.float64(lon[0, -1]),
        "right_first_latitude": np.float64(lat[0, -1]),
        "right_last_longitude": np.float64(lon[-1, -1]),
        "right_last_latitude": np.float64(lat[-1, -1]),
        "wavelength": np.float64(0.008385803020979),
        "transmit_antenna": "minus_y",
        "xref_l1b_lr_intf_file": f"SWOT_L1B_LR_INTF_{cycle:03d}_{pass_number:03d}_"
                                 f"{encode.compact(t[0])}_{encode.compact(t[-1])}_{config.L2_CRID}_01.nc",
        "xref_l2_nalt_gdr_files": f"SWOT_IPN_2PfP{cycle:03d}_{pass_number:03d}_synthetic.nc",
        "xref_l2_rad_gdr_files": f"SWOT_IPR_2PfP{cycle:03d}_{pass_number:03d}_synthetic.nc",
        "xref_int_lr_xover_cal_file": "SWOT_INT_LR_XOverCal_synthetic.nc",
        "xref_statickarincal_files": "SWOT_StaticKaRInCalAdjustableParam_synthetic.nc",
        "xref_param_l2_lr_precalssh_file": "SWOT_Param_L2_LR_PreCalSSH_synthetic.rdf",
        "xref_orbit_ephemeris_file": pathlib.Path(config.ORBITS[orbit_name]["ephemeris"]).name,
        "xref_reforbittrack_files": "SWOT_RefOrbitTrack125mPass_synthetic.txt",
        "xref_meteorological_pressure_files": "synthetic",
        "xref_meteorological_wettroposphere_files": "synthetic",
        "xref_meteorological_wind_files": "synthetic",
        "xref_gim_files": "synthetic",
        "xref_pole_location_file": "synthetic",
        "xref_dac_files": "synthetic",
        "xref_precipitation_files": "synthetic",
        "xref_sea_ice_mask_files": "synthetic",
        "xref_wave_model_files": "synthetic",
        "xref_geco_database_version": "v102",
        "ellipsoid_semi_major_axis": np.float64(6378137.0),
        "ellipsoid_flattening": np.float64(0.003352810664781205),
    }
    return {name: values_by_name[name] for (group, name) in ps.global_attrs if group == ""}


def file_name(subset: str, s: Scene, t0: float, t1: float) -> str:
    return (f"SWOT_L2_LR_SSH_{subset}_{s.cycle:03d}_{s.pass_number:03d}_{encode.compact(t0)}_"
            f"{encode.compact(t1)}_{config.L2_CRID}_{config.L2_PRODUCT_COUNTER}.nc")


def var_attrs(v: spec.VariableSpec) -> dict:
    attrs = dict(v.attrs)
    if v.name in ("time", "time_tai"):
        attrs["tai_utc_difference"] = np.float64(config.TAI_UTC)
        if "leap_second" in attrs:
            attrs["leap_second"] = "0000-00-00T00:00:00Z"
    return attrs


def write(s: Scene, subset: str, directory: pathlib.Path) -> dict:
    """Write one granule; returns its manifest entry (without the relative path)."""
    values = physical_values(s)
    t = s.geo.time
    name = file_name(subset, s, t[0], t[-1])
    path = directory / name
    nl, npx = s.shape
    with netCDF4.Dataset(path, "w", format="NETCDF4") as ds:
        ds.createDimension("num_lines", nl)
        ds.createDimension("num_pixels", npx)
        ds.createDimension("num_sides", 2)
        ds.setncatts(global_attributes(product_spec(subset), subset, s.orbit, s.cycle, s.pass_number, s.geo))
        for v in variables(subset):
            attrs = var_attrs(v)
            if v.name == "polarization_karin":
                data = np.where(values[v.name][:, None], np.array([[b"V", b"H"]], dtype="S1"), v.fill_value)
                data = data.astype("S1")
            else:
                data = encode.pack(values[v.name], v.dtype, attrs)
            encode.create_variable(ds, v.name, v.dtype, v.dims, attrs, data, complevel=COMPLEVEL)
    return {"file": name, "num_lines": nl, "time_coverage_start": encode.iso(t[0]),
            "time_coverage_end": encode.iso(t[-1])}
