# `sam build` runs one target per function (BuildMethod: makefile in template.yaml). Every function ships the
# same deployment package, built once by Maven without the tests (CI runs them; a deploy should not wait for
# them): the first target builds target/vbs-sharing-lambda.zip, the others find it up to date and only unpack
# it. samconfig.toml makes SAM build in the source folder, so the package is shared between the targets.
PACKAGE := target/vbs-sharing-lambda.zip
SOURCES := pom.xml $(shell find src/main src/assembly -type f)

build-%: $(PACKAGE)
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/$(PACKAGE)"

$(PACKAGE): $(SOURCES)
	mvn -B -q -ntp -DskipTests package
