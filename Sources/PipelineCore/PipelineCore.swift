// The PipelineCore module: pipeline files, stage graph, fingerprints, staleness.
