"""Our own builders of research/slim nets (tensorflow/models, research/slim/nets) that the tf_slim package lacks,
written after Slim's published model code with its scope names, for tools/models/make_models.py."""
