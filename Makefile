# Build and test entry points. Maven runs on the Java 25 that scripts/java-home.sh finds, whatever
# the default `java` is.
JAVA_HOME := $(shell scripts/java-home.sh)
export JAVA_HOME
# Maven itself uses sun.misc.Unsafe and would warn about it on every build under Java 25.
export MAVEN_OPTS += --sun-misc-unsafe-memory-access=allow
MVN := mvn -B -Dstyle.color=never

ifeq ($(JAVA_HOME),)
$(error no Java 25 runtime found; run ./install.sh)
endif

.PHONY: build test bench clean

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) verify

bench: build
	bench/cli-startup.sh

clean:
	$(MVN) -q clean
