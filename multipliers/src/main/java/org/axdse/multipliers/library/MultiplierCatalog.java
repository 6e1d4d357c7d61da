package org.axdse.multipliers.library;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axdse.multipliers.Multiplier;
import org.axdse.multipliers.generators.MultiplierDesign;
import org.axdse.multipliers.netlist.Netlist;
import org.axdse.multipliers.table.MultiplierFormat;
import org.axdse.multipliers.util.BadInputException;

/**
 * Every multiplier a run can name: the built-in designs plus those of any library directories given by the user.
 * A directory design may not reuse a built-in name. Also supplies the exact reference circuit of each format,
 * against which costs are reported. Immutable.
 */
public final class MultiplierCatalog {
  private static final Map<MultiplierFormat, Netlist> EXACT = new ConcurrentHashMap<>();

  private final List<Path> directories;
  private final Map<String, Multiplier> extra;

  private MultiplierCatalog(List<Path> directories, Map<String, Multiplier> extra) {
    this.directories = List.copyOf(directories);
    this.extra = Collections.unmodifiableMap(extra);
  }

  /** The built-in designs only. */
  public static MultiplierCatalog builtin() {
    return new MultiplierCatalog(List.of(), Map.of());
  }

  /**
   * The built-in designs plus every design in {@code directories} (see {@link LibraryDirectory}); a directory
   * without any multiplier file is a one-line error (a mistyped or wrong folder, not an empty library).
   */
  public static MultiplierCatalog withDirectories(List<Path> directories) {
    Map<String, Multiplier> extra = new LinkedHashMap<>();
    for (Path dir : directories) {
      List<Multiplier> designs = LibraryDirectory.load(dir);
      if (designs.isEmpty()) {
        throw BadInputException.in(dir, "no multiplier files (.bin, .csv, .npy or .v) in this library directory");
      }
      for (Multiplier m : designs) {
        if (BuiltinLibrary.design(m.name()).isPresent()) {
          throw BadInputException.in(dir, "multiplier '" + m.name() + "' has the name of a built-in design");
        }
        if (extra.put(m.name(), m) != null) {
          throw BadInputException.in(dir, "multiplier '" + m.name() + "' is defined in two library directories");
        }
      }
    }
    return new MultiplierCatalog(directories, extra);
  }

  public List<Path> directories() {
    return directories;
  }

  /** The multiplier called {@code name}; a one-line error when there is none. */
  public Multiplier byName(String name) {
    Multiplier m = extra.get(name);
    if (m != null) {
      return m;
    }
    return plain(name).or(() -> BlockScaledDesigns.resolve(name, this::find))
        .or(() -> AccumulatedDesigns.resolve(name, this::find))
        .or(() -> SignificandDesigns.resolve(name, this::plain)).orElseThrow(() -> new BadInputException(
        "unknown multiplier '" + name + "' (see 'axdse multipliers list'"
            + (directories.isEmpty() ? "; add --library DIR for your own designs)" : ")")));
  }

  /** True when {@link #byName} finds {@code name} (a name it would refuse with a reason is not contained). */
  public boolean contains(String name) {
    if (extra.containsKey(name) || BuiltinLibrary.design(name).isPresent()) {
      return true;
    }
    try {
      return BlockScaledDesigns.resolve(name, this::find).isPresent()
          || AccumulatedDesigns.resolve(name, this::find).isPresent()
          || SignificandDesigns.resolve(name, this::plain).isPresent();
    } catch (BadInputException e) {
      return false;
    }
  }

  /**
   * A directory or built-in design, its block-scaled variant, or one of them as a float design's significand
   * multiplier: every name but the accumulator variants.
   */
  private Optional<Multiplier> find(String name) {
    return plain(name).or(() -> BlockScaledDesigns.resolve(name, this::find))
        .or(() -> SignificandDesigns.resolve(name, this::plain));
  }

  private Optional<Multiplier> plain(String name) {
    return extra.containsKey(name) ? Optional.of(extra.get(name)) : BuiltinLibrary.byName(name);
  }

  /** Built-in designs first, in catalogue order, then directory designs in load order. */
  public List<Multiplier> all() {
    List<Multiplier> all = new ArrayList<>(BuiltinLibrary.all());
    all.addAll(extra.values());
    return all;
  }

  /**
   * The multipliers of {@code format}, built-in first; for a float format also the directory designs as its
   * significand multipliers ({@link SignificandDesigns}).
   */
  public List<Multiplier> all(MultiplierFormat format) {
    List<Multiplier> all = new ArrayList<>(BuiltinLibrary.all(format));
    extra.values().stream().filter(m -> m.format().equals(format)).forEach(all::add);
    if (format.isFloat()) {
      all.addAll(SignificandDesigns.composedOf(format.element(), extra.values()));
    }
    return all;
  }

  /** The exact reference circuit of {@code format}: the array (unsigned) or Baugh-Wooley (signed) multiplier. */
  public static Netlist exactReference(MultiplierFormat format) {
    return EXACT.computeIfAbsent(format, f -> MultiplierDesign.exact(f).netlist());
  }
}
