// libtorch's random generator, grad mode checks and the resident-memory measurement are process-wide:
// tests in this assembly run one at a time so that none disturbs another's figures.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
