"""Computations over records: scores (附件2), funds (工作补助), results tables (附件4/5), history."""
