"""The numeric core on arrays: RFM, segments, stages, tiers, churn rules, BG/NBD, Gamma-Gamma and CLV."""
