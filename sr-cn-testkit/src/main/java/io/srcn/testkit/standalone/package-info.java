/**
 * The standalone launcher of the testkit's servers ({@code java -jar
 * sr-cn-testkit-<version>-standalone.jar <command>}); commands register in {@link
 * io.srcn.testkit.standalone.Main}.
 */
package io.srcn.testkit.standalone;
