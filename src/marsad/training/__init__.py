"""Tools that learn marsad's shipped parameters from annotated data. They import the
runtime; nothing that runs an article imports them."""
