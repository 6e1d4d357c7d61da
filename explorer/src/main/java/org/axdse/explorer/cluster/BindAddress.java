package org.axdse.explorer.cluster;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import org.axdse.multipliers.util.BadInputException;

/**
 * The {@code --bind} check made before a cluster member starts: the address must be one of this machine's
 * interfaces (or the wildcard {@code 0.0.0.0}), so that a foreign address is one line naming it rather than a
 * network stack error reported as a port in use.
 */
final class BindAddress {
  private BindAddress() {}

  /** Throws a one-line error unless {@code address} names an interface of this machine. */
  static void check(String address) {
    if (address.isBlank()) {
      throw new BadInputException("--bind: empty address (give an interface address, e.g. 127.0.0.1)");
    }
    InetAddress a;
    try {
      a = InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new BadInputException("--bind " + address + ": unknown host");
    }
    try {
      if (!a.isAnyLocalAddress() && NetworkInterface.getByInetAddress(a) == null) {
        throw new BadInputException("--bind " + address + ": not an address of this machine (bind to one of its"
            + " interfaces, e.g. 127.0.0.1)");
      }
    } catch (SocketException e) {
      throw new BadInputException("--bind " + address + ": cannot list the network interfaces: " + e.getMessage());
    }
  }
}
