/**
 * Server side of the MySQL wire protocol subset the fake FE speaks: packet framing with the 16 MiB
 * split, basic data types, HandshakeV10 and HandshakeResponse41, {@code mysql_native_password},
 * OK/ERR/EOF and text result sets. Internal: not API.
 */
package io.srcn.testkit.fe.internal.protocol;
