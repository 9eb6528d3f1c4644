package io.jcompose.image.build.dockerfile;

/** Where the parser is: the Dockerfile's name and the line of the instruction at hand, for errors. */
record ParseContext(String source, int line, char escape) {
    DockerfileException error(String problem, String fix) {
        return new DockerfileException(source, line, problem, fix);
    }
}
