// In batch mode the archetype plug-in does not check validationRegex: an unknown kind would
// generate a project without code or tests, so it fails the generation instead.
def kinds = ['activation', 'loss', 'optimizer', 'backend', 'dataset', 'strategy']
def kind = request.properties.getProperty('kind')
if (!kinds.contains(kind)) {
    new File(request.outputDirectory, request.artifactId).deleteDir()
    throw new IllegalArgumentException("-Dkind must be one of ${kinds.join(', ')}; got '${kind}'")
}
