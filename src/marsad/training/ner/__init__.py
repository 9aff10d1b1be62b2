"""Training the named-entity taggers that ship in :mod:`marsad.ner`: the CRF (:mod:`.crf`),
the neural tagger (:mod:`.neural`) with its word clusters (:mod:`.clusters`), name list
(:mod:`.names`) and self-training on news (:mod:`.silver`); the corpora they read
(:mod:`.corpora`). ``marsad train ner`` / ``marsad train neural`` run them (docs/ner.md)."""
