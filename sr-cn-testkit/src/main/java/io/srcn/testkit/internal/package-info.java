/** What the testkit's packages share and nobody else should use: the Immutables style. */
package io.srcn.testkit.internal;
