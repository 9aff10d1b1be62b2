"""Entities and actors: recognition (trained NER + lexicon), role context, coreference."""
