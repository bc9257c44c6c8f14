"""Pure derivations over a batch's records after selection: where each appointment
stands (status) and which support-fund tranche is due (funding)."""
