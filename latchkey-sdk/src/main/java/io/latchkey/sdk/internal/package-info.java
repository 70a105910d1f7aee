/**
 * Implementation details of the SDK. Not an API: anything here may change in any release.
 *
 * @since 0.1
 */
package io.latchkey.sdk.internal;
