# `sam build` runs one target per function (BuildMethod: makefile in template.yaml): it unpacks the function's
# deployment package into the function's artifacts folder. Maven builds the three packages at once, without the
# tests (CI runs them; a deploy should not wait for them): the first target builds them, the others find them up
# to date and only unpack. samconfig.toml makes SAM build in the source folder, so the packages are shared.
#
# Every function ships target/vbs-sharing-lambda.zip except the two that need one more AWS client
# (src/assembly): each package holds only what its functions load (SamLocalInvokeIT checks it).
PACKAGES := target/vbs-sharing-lambda.zip target/vbs-sharing-lambda-events.zip target/vbs-sharing-lambda-automation.zip
SOURCES := pom.xml $(shell find src/main src/assembly -type f)

PACKAGE = target/vbs-sharing-lambda.zip
build-EventPublisherFunction: PACKAGE = target/vbs-sharing-lambda-events.zip
build-ShareAutomationFunction: PACKAGE = target/vbs-sharing-lambda-automation.zip

build-%: $(PACKAGES)
	cd "$(ARTIFACTS_DIR)" && jar xf "$(CURDIR)/$(PACKAGE)"

$(PACKAGES) &: $(SOURCES)
	mvn -B -q -ntp -DskipTests package
