// Stands in while a module has no sources yet, so the tree always configures.
