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

.PHONY: build test e2e bench clean

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) verify

# The end-to-end suite alone (root only): the real ./jcompose against agents of its own.
e2e:
	$(MVN) -pl examples -am verify -Dit.test='**/e2e/*IT' -Dtest=none \
		-Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false

bench: build
	bench/cli-startup.sh

clean:
	$(MVN) -q clean
