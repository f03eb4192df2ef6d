"""Claims: attributed statements about forces, read sentence by sentence (docs/claims.md).

    from forcewatch.extract.claims import extract_claims
    claims = extract_claims(text, "002", published="2022-10-17", outlet="Reuters")
"""

from .builder import extract_claims
from .quantities import Quantity, find_quantities, force_counts

__all__ = ["extract_claims", "find_quantities", "force_counts", "Quantity"]
