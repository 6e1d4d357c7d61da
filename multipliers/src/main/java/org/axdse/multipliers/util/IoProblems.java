package org.axdse.multipliers.util;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * I/O failures in words: {@code PATH: problem} for the common {@link IOException} subclasses (no such file,
 * permission denied, not a directory, is a directory, unexpected end of file, a file system loop), never a Java
 * class name, and which of them are the user's input rather than the machine's fault.
 */
public final class IoProblems {
  private IoProblems() {}

  /** One line, {@code PATH: problem}; {@code file} is used when the exception names no path. */
  public static String describe(Path file, IOException e) {
    String path = e instanceof FileSystemException f && f.getFile() != null ? f.getFile()
        : file != null ? file.toString() : pathInMessage(e);
    String problem = problem(e);
    String other = e instanceof FileSystemException f ? f.getOtherFile() : null;
    String text = (path == null ? "" : path + ": ") + problem + (other == null ? "" : " (" + other + ")");
    return text.replaceAll("[\\r\\n]+", " ").strip();
  }

  /** {@link #describe} of {@code e} as a {@link BadInputException}. */
  public static BadInputException badInput(Path file, IOException e) {
    return new BadInputException(describe(file, e), e);
  }

  /** The IOException inside {@code t} ({@code t} itself or the cause of an {@link UncheckedIOException}), or null. */
  public static IOException ioCause(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    return t instanceof UncheckedIOException u ? u.getCause() : null;
  }

  /** True for failures caused by what the user named (a path that is missing, unreadable or of the wrong kind). */
  public static boolean isUserError(IOException e) {
    return e instanceof NoSuchFileException || e instanceof AccessDeniedException
        || e instanceof NotDirectoryException || e instanceof FileSystemLoopException
        || e instanceof FileAlreadyExistsException || e instanceof DirectoryNotEmptyException
        || e instanceof EOFException || e instanceof CharacterCodingException || e instanceof FileNotFoundException
        || isDirectory(e);
  }

  /** The problem alone, in words. */
  public static String problem(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    } else if (e instanceof AccessDeniedException) {
      return "permission denied";
    } else if (e instanceof NotDirectoryException) {
      return "not a directory";
    } else if (e instanceof FileSystemLoopException) {
      return "file system loop (a symbolic link points back to its own directory)";
    } else if (e instanceof FileAlreadyExistsException) {
      return "already exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    } else if (e instanceof EOFException) {
      return "unexpected end of file (truncated?)";
    } else if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    } else if (isDirectory(e)) {
      return "is a directory, expected a file";
    }
    String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    if (e instanceof FileNotFoundException && reason != null && reason.endsWith(")")) {
      reason = reason.substring(reason.lastIndexOf('(') + 1, reason.length() - 1);
    }
    return reason == null || reason.isBlank() ? "input/output error" : lowerFirst(reason);
  }

  /** {@code FileInputStream} names the path in the message: {@code PATH (reason)}. */
  private static String pathInMessage(IOException e) {
    String m = e.getMessage();
    int open = m == null ? -1 : m.lastIndexOf(" (");
    return e instanceof FileNotFoundException && open > 0 ? m.substring(0, open) : null;
  }

  private static boolean isDirectory(IOException e) {
    String m = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
    return m != null && m.contains("Is a directory");
  }

  private static String lowerFirst(String s) {
    return s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isLowerCase(s.charAt(1))
        ? Character.toLowerCase(s.charAt(0)) + s.substring(1) : s;
  }
}
