"""Operations: one module per aggregate. Each takes a Session; the caller owns the transaction."""
