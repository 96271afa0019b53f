# Minnow's build.  `make help` lists the targets.
#
# Everything is built into build/.  The compiler is chosen once, here:
# i686-elf-gcc if present, else i686-linux-gnu-gcc, else the host gcc with
# -m32; `make CC=clang` uses clang --target=i686-elf with ld.lld.

.DEFAULT_GOAL := all
B := build
GEN := $(B)/gen

# ---------------------------------------------------------------- tools
# A missing tool is installed by the project's own script before anything
# else is decided (it says what it installs and what it needs).
NO_DEPS_GOALS := clean help handout
ifneq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
  ifneq ($(shell tools/deps.sh --check >/dev/null 2>&1; echo $$?),0)
    $(info Minnow: some tools are missing; running tools/deps.sh)
    ifneq ($(shell tools/deps.sh >&2; echo $$?),0)
      $(error tools/deps.sh could not install what Minnow needs (see above))
    endif
  endif
endif

have = $(shell command -v $(1) 2>/dev/null)

ifeq ($(origin CC),default)
  ifneq ($(call have,i686-elf-gcc),)
    CC := i686-elf-gcc
  else ifneq ($(call have,i686-linux-gnu-gcc),)
    CC := i686-linux-gnu-gcc
  else
    CC := gcc
  endif
endif

ifneq ($(findstring clang,$(CC)),)
  ARCHFLAGS := --target=i686-unknown-elf -march=i686
  LD := ld.lld
  llvm = $(or $(call have,llvm-$(1)),$(call have,llvm-$(1)-14),$(1))
  NM := $(call llvm,nm)
  AR := $(call llvm,ar)
  STRIP := $(call llvm,strip)
  # clang brings no 32-bit runtime library; borrow gcc's if there is one
  LIBGCC := $(shell i686-linux-gnu-gcc -print-libgcc-file-name 2>/dev/null)
else ifneq ($(findstring i686-,$(CC)),)
  CROSS := $(patsubst %gcc,%,$(CC))
  ARCHFLAGS := -march=i686
  LD := $(CROSS)ld
  NM := $(CROSS)nm
  AR := $(CROSS)ar
  STRIP := $(CROSS)strip
  LIBGCC := $(shell $(CC) -print-libgcc-file-name)
else
  ARCHFLAGS := -m32 -march=i686
  LD := ld -m elf_i386
  NM := nm
  AR := ar
  STRIP := strip
  LIBGCC := $(shell $(CC) -m32 -print-libgcc-file-name)
endif

# Quiet output ("CC kernel/main.c"); `make V=1` shows whole commands.
ifeq ($(V),1)
  Q :=
  say = @true
else
  Q := @
  say = @echo "  $(1)	$(2)"
endif

AS := nasm
ASFLAGS := -f elf32 -g -F dwarf
QEMU := qemu-system-i386

# Only the compiler's own freestanding headers (stdarg.h, stddef.h,
# stdint.h...), never the host's C library headers.
COMPILER_INC := $(shell $(CC) $(ARCHFLAGS) -print-file-name=include)
# -fno-asynchronous-unwind-tables: the frame (unwind) information goes into
# .debug_frame, which gdb reads for backtraces, not into .eh_frame, which
# the link scripts discard.
BASE_CFLAGS := $(ARCHFLAGS) -std=gnu11 -ffreestanding -fno-pie -fno-pic \
	-fno-stack-protector -fno-omit-frame-pointer -fno-builtin -fno-asynchronous-unwind-tables \
	-nostdinc -isystem $(COMPILER_INC) \
	-Wall -Wextra -Werror -g -Og -MMD -MP
KCFLAGS := $(BASE_CFLAGS) -mno-sse -mno-mmx -mno-80387 -Iinclude -Ikernel \
	-I$(GEN)/include -I$(GEN)/kernel
KLDFLAGS := -T linker.ld -nostdlib --build-id=none -z noexecstack
UCFLAGS := $(BASE_CFLAGS) -mno-sse -mno-mmx -Ilib/include -Iinclude -I$(GEN)/include -Ilib \
	-Iuser/common
ULDFLAGS := -T user/user.ld -nostdlib -static --build-id=none -z noexecstack

# ---------------------------------------------------------------- system calls
# kernel/syscall.list is the one list; tools/gensyscalls.sh makes the rest.
SYSCALL_GEN := $(GEN)/include/minnow/syscall_nr.h $(GEN)/include/minnow/syscalls.h \
	$(GEN)/kernel/syscall_protos.h $(GEN)/kernel/syscall_table.c $(GEN)/lib/syscalls.c
gen_syscalls = @mkdir -p $(dir $@); tools/gensyscalls.sh $(1) kernel/syscall.list > $@
$(GEN)/include/minnow/syscall_nr.h: kernel/syscall.list tools/gensyscalls.sh
	$(call say,GEN,$@)
	$(call gen_syscalls,nr)
$(GEN)/include/minnow/syscalls.h: kernel/syscall.list tools/gensyscalls.sh
	$(call gen_syscalls,uproto)
$(GEN)/kernel/syscall_protos.h: kernel/syscall.list tools/gensyscalls.sh
	$(call gen_syscalls,kproto)
$(GEN)/kernel/syscall_table.c: kernel/syscall.list tools/gensyscalls.sh
	$(call gen_syscalls,ktable)
$(GEN)/lib/syscalls.c: kernel/syscall.list tools/gensyscalls.sh
	$(call gen_syscalls,ustubs)

# ---------------------------------------------------------------- kernel
KSRCS := $(shell find kernel -name '*.c' | sort) lib/string.c lib/format.c
KASMS := boot/boot.asm $(shell find kernel -name '*.asm' | sort)
KOBJS := $(patsubst %.c,$(B)/k/%.o,$(KSRCS)) $(patsubst %.asm,$(B)/k/%.o,$(KASMS)) \
	$(B)/k/gen/kernel/syscall_table.o

$(B)/k/%.o: %.c | $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@

# boot.asm runs at two addresses (before and after paging), which nasm's
# debug information cannot describe; without it gdb's backtraces are clean.
$(B)/k/boot/boot.o: ASFLAGS := -f elf32

$(B)/k/%.o: %.asm
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(AS) $(ASFLAGS) $< -o $@

# Two links: the first finds where every function is; tools/ksyms.sh turns
# that into a symbol table (for panic backtraces) linked in at the end of
# the second, where it moves nothing else.
$(B)/ksyms_empty.c: tools/ksyms.sh
	@mkdir -p $(B)
	$(Q)tools/ksyms.sh $(NM) > $@
$(B)/kernel.nosyms: $(KOBJS) $(B)/k/ksyms_empty.o linker.ld
	$(call say,LD,$@)
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/k/ksyms_empty.o
$(B)/ksyms_table.c: $(B)/kernel.nosyms tools/ksyms.sh
	$(call say,KSYMS,$@)
	$(Q)tools/ksyms.sh $(NM) $< > $@
$(B)/k/%.o: $(B)/%.c | $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(KCFLAGS) -c $< -o $@
$(B)/kernel.elf: $(KOBJS) $(B)/k/ksyms_table.o linker.ld
	$(call say,LD,$@)
	$(Q)$(LD) $(KLDFLAGS) -o $@ $(KOBJS) $(B)/k/ksyms_table.o

# ---------------------------------------------------------------- C library
LIB_SRCS := $(wildcard lib/*.c) $(GEN)/lib/syscalls.c
LIB_ASMS := $(filter-out lib/crt0.asm,$(wildcard lib/*.asm))
LIB_OBJS := $(patsubst %.c,$(B)/u/%.o,$(LIB_SRCS:$(B)/%=%)) $(patsubst %.asm,$(B)/u/%.o,$(LIB_ASMS))

$(B)/u/%.o: %.c | $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@
$(B)/u/%.o: $(B)/%.c | $(SYSCALL_GEN)
	@mkdir -p $(dir $@)
	$(call say,CC,$<)
	$(Q)$(CC) $(UCFLAGS) -c $< -o $@
$(B)/u/%.o: %.asm
	@mkdir -p $(dir $@)
	$(call say,AS,$<)
	$(Q)$(AS) $(ASFLAGS) $< -o $@
$(B)/libc.a: $(LIB_OBJS)
	$(call say,AR,$@)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

# ---------------------------------------------------------------- shared code
# user/common/ holds code that several programs share (printf(1) is both
# /bin/printf and the shell's builtin): not programs, but an archive linked
# before libc.a, from which each program takes only what it uses.
COMMON_SRCS := $(wildcard user/common/*.c)
COMMON_OBJS := $(patsubst %.c,$(B)/u/%.o,$(COMMON_SRCS))
$(B)/libcommon.a: $(COMMON_OBJS)
	$(call say,AR,$@)
	@rm -f $@
	$(Q)$(AR) rcs $@ $^

# ---------------------------------------------------------------- programs
# Every .c file under user/ is one program, installed as /bin/<its name>;
# except that a folder with a main.c (like user/sh/) is one program of
# several files, named after the folder.  All of them are linked into
# build/bin/ (with debugging information, for gdb).
USER_SRCS := $(shell find user -name '*.c' -not -path 'user/common/*' -not -path 'user/home/*' | sort)
MULTI_DIRS := $(patsubst %/main.c,%,$(filter %/main.c,$(USER_SRCS)))
MULTI_SRCS := $(filter $(addsuffix /%,$(MULTI_DIRS)),$(USER_SRCS))
SINGLE_SRCS := $(filter-out $(MULTI_SRCS),$(USER_SRCS))
PROGS := $(foreach f,$(SINGLE_SRCS),$(B)/bin/$(basename $(notdir $(f)))) \
	$(foreach d,$(MULTI_DIRS),$(B)/bin/$(notdir $(d)))
$(foreach f,$(SINGLE_SRCS),$(eval $(B)/bin/$(basename $(notdir $(f))): $(patsubst %.c,$(B)/u/%.o,$(f))))
$(foreach d,$(MULTI_DIRS),$(eval $(B)/bin/$(notdir $(d)): \
	$(patsubst %.c,$(B)/u/%.o,$(filter $(d)/%,$(MULTI_SRCS)))))

# The tests, benchmarks, their helpers and the labs' graders are not what a
# user runs: they go to /usr/libexec/minnow/, outside PATH, where the
# runners (runtests, runbench) find them.
LIBEXEC_SRCS := $(filter user/tests/% user/bench/% user/labs/%,$(SINGLE_SRCS))
LIBEXEC_PROGS := $(foreach f,$(LIBEXEC_SRCS),$(B)/bin/$(basename $(notdir $(f))))
BIN_PROGS := $(filter-out $(LIBEXEC_PROGS),$(PROGS))

$(B)/bin/%: $(B)/u/lib/crt0.o $(B)/libcommon.a $(B)/libc.a user/user.ld
	@mkdir -p $(dir $@)
	$(call say,LD,$@)
	$(Q)$(LD) $(ULDFLAGS) -o $@ $(B)/u/lib/crt0.o $(filter %.o,$(filter-out $(B)/u/lib/crt0.o,$^)) \
		$(B)/libcommon.a $(B)/libc.a $(LIBGCC)

# ---------------------------------------------------------------- glibc builds
# Programs built with glibc for i386 (static, stripped, with the -O level
# and warnings Minnow's programs get): `make bench` runs them on Linux, and
# the differential test (user/tests/test_glibc_diff.c) runs each of the
# programs below twice inside Minnow, this build against Minnow's own from
# /bin, and compares what they print.  They live in
# /usr/libexec/minnow/glibc/ of a second initrd, initrd-tests.cpio, that
# only `make test` loads: 17 MB that `make qemu` need not carry.
# The tools are the plain POSIX ones of user/bin/ (cp, ln, mv, env and
# kill use what glibc 2.36 lacks or hides).
LINUX_CC := i686-linux-gnu-gcc -static -std=gnu11 -Wall -Wextra -Werror -Og -s
GLIBC_TOOLS := cat echo head tail wc sort uniq grep ls stat
GLIBC_SRCS := $(wildcard user/lecture/*.c) $(patsubst %,user/bin/%.c,$(GLIBC_TOOLS))
GLIBC_PROGS := $(patsubst %.c,$(B)/glibc/%,$(notdir $(GLIBC_SRCS)))
$(foreach f,$(GLIBC_SRCS),$(eval $(B)/glibc/$(basename $(notdir $(f))): $(f)))
$(GLIBC_PROGS):
	@mkdir -p $(dir $@)
	$(call say,GLIBC,$<)
	$(Q)$(LINUX_CC) -o $@ $<

# ---------------------------------------------------------------- initrd
# The root file system: user/files/ as it is, plus the programs in /bin
# and /usr/libexec/minnow/ (without their debugging information, which gdb
# reads from build/bin/).
ROOTFS_FILES := $(shell find user/files user/home -type f 2>/dev/null)
# Debian's static busybox for i386, when tools/deps.sh could fetch it.
BUSYBOX := $(wildcard $(B)/busybox/busybox)

$(B)/initrd.cpio: $(ROOTFS_FILES) $(PROGS) $(BUSYBOX) tools/busybox-links.sh
	$(call say,CPIO,$@)
	@rm -rf $(B)/rootfs && mkdir -p $(B)/rootfs/bin $(B)/rootfs/dev $(B)/rootfs/tmp \
	  $(B)/rootfs/usr/libexec/minnow
	$(Q)cp -r user/files/. $(B)/rootfs/
	@mkdir -p $(B)/rootfs/home
	$(Q)cp -r user/home/. $(B)/rootfs/home/    # /home without the disk (init mounts it over)
	$(Q)for p in $(BIN_PROGS); do $(STRIP) -o $(B)/rootfs/bin/$$(basename $$p) $$p; done
	$(Q)for p in $(LIBEXEC_PROGS); do \
	  $(STRIP) -o $(B)/rootfs/usr/libexec/minnow/$$(basename $$p) $$p; done
	$(if $(BUSYBOX),$(Q)tools/busybox-links.sh $(BUSYBOX) $(B)/rootfs)
	$(Q)cd user/files && sha256sum etc/motd hello.txt | sed 's|  |  /|' > ../../$(B)/rootfs/usr/libexec/minnow/sha256sums
	$(Q)cd $(B)/rootfs && find . | LC_ALL=C sort | cpio -o -H newc --quiet > ../initrd.cpio

# Small ext2 images of other shapes, in the tests' initrd:
# test_ext2_images writes each to hdb and mounts it.  2 and 4 KiB blocks,
# revision 0 (no features, 128-byte inodes), and a tiny one to fill up.
EXT2_IMAGES := $(patsubst %,$(B)/ext2-images/%.img,b2k b4k rev0 tiny)
$(B)/ext2-small.cksums: tools/ext2-test-files.sh
	@mkdir -p $(B)
	$(Q)tools/ext2-test-files.sh small $(B)/ext2-small
$(B)/ext2-images/b2k.img: MKE2FS_ARGS := -b 2048 -d $(B)/ext2-small
$(B)/ext2-images/b4k.img: MKE2FS_ARGS := -b 4096 -d $(B)/ext2-small
$(B)/ext2-images/rev0.img: MKE2FS_ARGS := -r 0 -d $(B)/ext2-small
$(B)/ext2-images/tiny.img: MKE2FS_ARGS := -N 32
$(B)/ext2-images/rev0.img $(B)/ext2-images/tiny.img: IMAGE_SIZE := 1M
$(EXT2_IMAGES): IMAGE_SIZE ?= 2M
$(EXT2_IMAGES): $(B)/ext2-small.cksums
	@mkdir -p $(dir $@)
	$(call say,MKE2FS,$@)
	@rm -f $@
	$(Q)$(MKE2FS) -q -F -t ext2 $(MKE2FS_ARGS) $@ $(IMAGE_SIZE)

# What only the tests use, unpacked over the first (the kernel takes every
# multiboot module as a cpio archive, in order); with the shell's script
# suite (user/tests/sh/, run by test_sh_scripts; the folder itself is a
# prerequisite so that a script removed is removed here too).
SH_TESTS := $(wildcard user/tests/sh/*.sh user/tests/sh/*.out)
$(B)/initrd-tests.cpio: $(GLIBC_PROGS) $(SH_TESTS) user/tests/sh $(EXT2_IMAGES) \
		$(B)/ext2-test-home.cksums $(B)/ext2-small.cksums $(B)/ext2-fuzz-base.img
	$(call say,CPIO,$@)
	@rm -rf $(B)/rootfs-tests && mkdir -p $(B)/rootfs-tests/usr/libexec/minnow/glibc \
	  $(B)/rootfs-tests/usr/libexec/minnow/sh-tests $(B)/rootfs-tests/usr/libexec/minnow/ext2
	$(Q)cp $(GLIBC_PROGS) $(B)/rootfs-tests/usr/libexec/minnow/glibc/
	$(Q)cp $(B)/ext2-fuzz-base.img $(B)/rootfs-tests/usr/libexec/minnow/
	$(Q)cp $(SH_TESTS) $(B)/rootfs-tests/usr/libexec/minnow/sh-tests/
	$(Q)cp $(EXT2_IMAGES) $(B)/rootfs-tests/usr/libexec/minnow/ext2/
	$(Q)cp $(B)/ext2-test-home.cksums $(B)/rootfs-tests/usr/libexec/minnow/ext2/home.cksums
	$(Q)cp $(B)/ext2-small.cksums $(B)/rootfs-tests/usr/libexec/minnow/ext2/small.cksums
	$(Q)cd $(B)/rootfs-tests && find usr | LC_ALL=C sort | cpio -o -H newc --quiet > ../initrd-tests.cpio

# The small ext2 image test_ext2_fuzz damages in hundreds of ways.
$(B)/ext2-fuzz-base.img: tools/ext2-fuzz-base.sh
	$(call say,MKE2FS,$@)
	$(Q)tools/ext2-fuzz-base.sh $@ > /dev/null

# ---------------------------------------------------------------- the disk
# build/disk.img: an ext2 file system made on first use from user/home/
# (mke2fs -d copies a folder into the new file system: no root, no
# mount).  It has no prerequisites, so no build ever overwrites it: what a
# student saves survives.  `make disk-reset` makes it anew.  DISK=path
# attaches another image instead (QEMU's first IDE disk, Minnow's hda).
DISK ?= $(B)/disk.img
DISK_SIZE := 64M
HOME_FILES := $(shell find user/home -type f 2>/dev/null)
# e2fsprogs live in /sbin, which a user's PATH may lack
MKE2FS := $(firstword $(wildcard /sbin/mke2fs /usr/sbin/mke2fs) mke2fs)
make_ext2 = $(MKE2FS) -q -F -t ext2 -L minnow -d user/home $(1) $(DISK_SIZE)

$(B)/disk.img:
	@mkdir -p $(B)
	$(call say,MKE2FS,$@)
	$(Q)$(call make_ext2,$@)

.PHONY: disk-reset
disk-reset:
	@mkdir -p $(B)
	rm -f $(B)/disk.img
	$(call make_ext2,$(B)/disk.img)
	@echo "$(B)/disk.img: a new ext2 file system from user/home/"

# The tests get their own disks, never the student's: tools/test.sh
# copies this template (or DISK=path, when given) for every run.  It is
# user/home/ plus what the ext2 tests look for (tools/ext2-test-files.sh:
# indirect blocks, a hole, links, a directory that e2fsck -D gives an
# htree index), and 128 MiB, so that their 64 MiB file fits.
TEST_DISK_SIZE := 128M
E2FSCK := $(firstword $(wildcard /sbin/e2fsck /usr/sbin/e2fsck) e2fsck)
$(B)/ext2-test-home.cksums: $(HOME_FILES) tools/ext2-test-files.sh
	@mkdir -p $(B)
	$(Q)tools/ext2-test-files.sh home user/home $(B)/ext2-test-home

$(B)/test-disk-template.img: $(B)/ext2-test-home.cksums
	$(call say,MKE2FS,$@)
	@rm -f $@
	$(Q)$(MKE2FS) -q -F -t ext2 -L minnow -d $(B)/ext2-test-home $@ $(TEST_DISK_SIZE)
	$(Q)$(E2FSCK) -fyD $@ > /dev/null; [ $$? -le 1 ]


# ---------------------------------------------------------------- running
QEMU_DISK = -drive file=$(DISK),format=raw,if=ide,index=0
QEMU_BASE = $(QEMU) -kernel $(B)/kernel.elf -initrd $(B)/initrd.cpio -m 128M -no-reboot $(QEMU_DISK) \
	$(QEMU_NET)
QEMU_NOX = $(QEMU_BASE) -display none -serial mon:stdio
QEMU_HAS_GUI := $(shell $(QEMU) -display help 2>/dev/null | grep -Eq '^(gtk|sdl)$$' && echo yes)
# A window needs both: QEMU's GUI, and a display to open it on.
HAVE_DISPLAY := $(and $(QEMU_HAS_GUI),$(or $(DISPLAY),$(WAYLAND_DISPLAY)))
GDBPORT := $(shell expr `id -u` % 5000 + 25000)

# The network: an e1000 on QEMU's user network (Minnow is 10.0.2.15, the
# gateway 10.0.2.2 is the host).  Two host ports, derived from the uid like
# the gdb port so that users of one machine do not collide, lead to
# Minnow's echo port (7) and HTTP port (80); HOSTFWD=tcp::HOSTPORT-:GUESTPORT
# (several, separated by commas) adds more, PCAP=file records every frame.
# `make test` forwards only HOSTFWD's ports: runs going at once must not
# compete for the same host port.
ECHOPORT := $(shell expr `id -u` % 5000 + 15000)
HTTPPORT := $(shell expr `id -u` % 5000 + 20000)
comma := ,
space := $(subst ,, )
hostfwd_opts = $(subst $(space),,$(foreach f,$(subst $(comma), ,$(1)),$(comma)hostfwd=$(f)))
QEMU_FWD := tcp::$(ECHOPORT)-:7,tcp::$(HTTPPORT)-:80$(if $(HOSTFWD),$(comma)$(HOSTFWD))
QEMU_NET = -netdev user,id=n0$(call hostfwd_opts,$(QEMU_FWD)) -device e1000,netdev=n0 \
	$(if $(PCAP),-object filter-dump$(comma)id=f0$(comma)netdev=n0$(comma)file=$(PCAP))
net_banner = @echo "Network: 10.0.2.15 on QEMU's user network; host port $(ECHOPORT) -> echo (7),"\
	"$(HTTPPORT) -> http (80)$(if $(HOSTFWD), and $(HOSTFWD))$(if $(PCAP),; frames recorded in $(PCAP))."

# Keep intermediate files (crt0.o, generated sources) between builds.
.SECONDARY:

.PHONY: all qemu qemu-nox qemu-gdb qemu-nox-gdb gdb iso test grade handout bench clean help compile_commands.json

all: $(B)/kernel.elf $(B)/initrd.cpio

qemu: all $(DISK)
	$(net_banner)
ifeq ($(HAVE_DISPLAY),)
	@echo "make qemu: no display here (no DISPLAY, or QEMU has no GUI package);"
	@echo "running as make qemu-nox: the serial console, in this terminal."
	@echo "(To quit QEMU: Ctrl-A, then X.)"
	$(QEMU_NOX)
else
	@echo "The VGA console is in the QEMU window, the serial console here."
	@echo "(To quit QEMU: close the window, or Ctrl-A then X here.)"
	$(QEMU_BASE) -serial mon:stdio
endif

qemu-nox: all $(DISK)
	$(net_banner)
	@echo "Serial console. To quit QEMU: Ctrl-A, then X."
	$(QEMU_NOX)

qemu-gdb: all .gdbinit $(DISK)
	$(net_banner)
	@echo "QEMU is waiting for gdb on port $(GDBPORT): run 'make gdb' in another terminal."
	@echo "(For plain gdb, add to ~/.config/gdb/gdbinit: add-auto-load-safe-path $(CURDIR)/.gdbinit)"
ifeq ($(HAVE_DISPLAY),)
	@echo "make qemu-gdb: no display here (no DISPLAY, or QEMU has no GUI package);"
	@echo "running as make qemu-nox-gdb: the serial console, in this terminal."
	@echo "(To quit QEMU: Ctrl-A, then X.)"
	$(QEMU_NOX) -S -gdb tcp::$(GDBPORT)
else
	$(QEMU_BASE) -serial mon:stdio -S -gdb tcp::$(GDBPORT)
endif

qemu-nox-gdb: all .gdbinit $(DISK)
	$(net_banner)
	@echo "QEMU is waiting for gdb on port $(GDBPORT): run 'make gdb' in another terminal."
	@echo "(For plain gdb, add to ~/.config/gdb/gdbinit: add-auto-load-safe-path $(CURDIR)/.gdbinit)"
	$(QEMU_NOX) -S -gdb tcp::$(GDBPORT)

.gdbinit: tools/gdbinit.in Makefile
	sed "s/@GDBPORT@/$(GDBPORT)/" $< > $@

# gdb reads ./.gdbinit by itself once it is allowed to (and only once).
# It runs in a process group of its own, in the terminal's foreground (the
# shell's job control, set -m): the Ctrl-C that stops Minnow in gdb reaches
# gdb alone.  Make, had it seen it too, would say "Interrupt" at the end.
gdb: .gdbinit
	@if [ -t 0 ]; then set -m; fi; gdb -q -iex "add-auto-load-safe-path $(CURDIR)/.gdbinit"

# ---------------------------------------------------------------- iso
$(B)/minnow.iso: all boot/grub.cfg
	@rm -rf $(B)/iso && mkdir -p $(B)/iso/boot/grub
	cp $(B)/kernel.elf $(B)/initrd.cpio $(B)/iso/boot/
	cp boot/grub.cfg $(B)/iso/boot/grub/
	grub-mkrescue -o $@ $(B)/iso 2>/dev/null

iso: $(B)/minnow.iso
	@echo "Boot it with: $(QEMU) -cdrom $(B)/minnow.iso -serial mon:stdio"

# ---------------------------------------------------------------- tests
# T=name runs one test; TIMEOUT is in seconds for the whole boot.
test: all $(B)/initrd-tests.cpio $(B)/test-disk-template.img
	@tools/test.sh $(if $(T),--only $(T)) $(if $(filter command line environment,$(origin DISK)),--disk $(DISK)) \
	  $(if $(HOSTFWD),--hostfwd $(HOSTFWD)) $(if $(PCAP),--pcap $(PCAP))

# Benchmarks (user/bench/): performance is measured here, never in tests.
# Linux runs beside Minnow when tools/deps.sh --bench can fetch it.
bench: all $(B)/bench-ext2.img
	@tools/deps.sh --bench && $(MAKE) --no-print-directory $(LB)/initrd.cpio || \
	  echo "bench: Linux cannot be measured here (see above); Minnow alone."
	@tools/bench.sh

# The ext2 rows' disk (user/bench/bench_ext2.c): an empty ext2 file
# system as mke2fs makes it for 64 MiB, like build/disk.img (1 KiB blocks,
# dir_index and the rest of its defaults).  tools/bench.sh gives every boot
# a fresh copy as its first disk, so Minnow and Linux start alike.  The
# label is how bench_ext2 knows it has the right disk.
$(B)/bench-ext2.img:
	@mkdir -p $(B)
	$(call say,MKE2FS,$@)
	$(Q)$(MKE2FS) -q -F -t ext2 -L minnow-bench $@ 64M > /dev/null

# The Linux side of `make bench`: the same benchmark sources built with
# glibc for i386 (LINUX_CC, above), and Debian's i386 kernel, fetched by
# tools/deps.sh --bench.
LB := $(B)/linux
BENCH_PROGS := $(patsubst user/bench/%.c,$(LB)/rootfs/usr/libexec/minnow/%,$(wildcard user/bench/*.c))
$(LB)/rootfs/usr/libexec/minnow/%: user/bench/%.c user/bench/bench.h
	@mkdir -p $(dir $@)
	$(call say,CC,$@)
	$(Q)$(LINUX_CC) -o $@ $<
$(LB)/rootfs/bin/true: user/bin/true.c
	@mkdir -p $(dir $@)
	$(Q)$(LINUX_CC) -o $@ $<
$(LB)/rootfs/init: tools/bench-linux-init.c
	$(Q)$(LINUX_CC) -o $@ $<
# Debian's disk drivers are modules (tools/deps.sh --bench unpacks them
# into build/linux/modules/); the Linux side's /init loads them.
$(LB)/initrd.cpio: $(BENCH_PROGS) $(LB)/rootfs/bin/true $(LB)/rootfs/init $(wildcard $(LB)/modules/*)
	$(call say,CPIO,$@)
	@rm -rf $(LB)/rootfs/lib/modules
	@mkdir -p $(LB)/rootfs/dev $(LB)/rootfs/proc $(LB)/rootfs/tmp $(LB)/rootfs/lib/modules
	$(if $(wildcard $(LB)/modules/order),$(Q)cp $(LB)/modules/* $(LB)/rootfs/lib/modules/)
	$(Q)cd $(LB)/rootfs && find . | LC_ALL=C sort | cpio -o -H newc --quiet > ../initrd.cpio

# The labs' graders (docs/labs/): every lab, or LAB=name.  Not part of test.
grade: all $(B)/test-disk-template.img
	@tools/grade.sh $(LAB)

# The student's tree: this one without the labs' reference solutions
# (tools/handout.sh; docs/labs/README.md).  Into build/handout/, made anew,
# or into HANDOUT=dir, which must be new or empty.
handout:
ifeq ($(HANDOUT),)
	@rm -rf $(B)/handout
	@tools/handout.sh $(if $(LAB),--lab $(LAB)) $(B)/handout
else
	@tools/handout.sh $(if $(LAB),--lab $(LAB)) $(HANDOUT)
endif

# ---------------------------------------------------------------- misc
# For clangd and other editors: the kernel's files with the kernel's flags,
# the C library's and the programs' with theirs.
compile_commands.json: $(SYSCALL_GEN)
	@echo '[' > $@
	@for f in $(KSRCS); do \
	  printf '{"directory":"%s","file":"%s","command":"%s %s -c %s"},\n' \
	    "$(CURDIR)" "$$f" "$(CC)" "$(KCFLAGS)" "$$f" >> $@; done
	@for f in $(filter-out $(B)/%,$(LIB_SRCS)) $(COMMON_SRCS) $(USER_SRCS); do \
	  printf '{"directory":"%s","file":"%s","command":"%s %s -c %s"},\n' \
	    "$(CURDIR)" "$$f" "$(CC)" "$(UCFLAGS)" "$$f" >> $@; done
	@sed -i '$$ s/,$$//' $@
	@echo ']' >> $@
	@echo "wrote $@"

clean:
	rm -rf $(B) .gdbinit compile_commands.json

help:
	@echo "Minnow, a teaching Unix for 32-bit x86.  Targets:"
	@echo "  make qemu          boot Minnow: VGA window + serial console in this terminal"
	@echo "                     (no display? it says so and runs as qemu-nox)"
	@echo "  make qemu-nox      boot with the serial console only, in this terminal"
	@echo "  make test          run every test inside Minnow; ends with 'N passed, N failed'"
	@echo "  make test T=name   run one test (e.g. T=kmalloc, T=panic)"
	@echo "  make bench         the benchmarks (user/bench/) on Minnow and on Linux, side by side"
	@echo "  make grade [LAB=name]  score the labs (docs/labs/), e.g. LAB=syscall"
	@echo "  make disk-reset    make build/disk.img (the disk, /dev/hda) anew from user/home/"
	@echo "                     (qemu, test... take DISK=path to attach another ext2 image)"
	@echo "                     (and HOSTFWD=tcp::HOSTPORT-:GUESTPORT, PCAP=file: docs/net.md;"
	@echo "                     make qemu forwards host port $(ECHOPORT) to echo, $(HTTPPORT) to http)"
	@echo "  make handout [LAB=name] [HANDOUT=dir]  the students' tree, without the labs'"
	@echo "                     solutions (into build/handout/)"
	@echo "  make qemu-gdb      boot paused, waiting for gdb (port $(GDBPORT))"
	@echo "  make qemu-nox-gdb  the same without a window"
	@echo "  make gdb           attach gdb to it, with the kernel's symbols"
	@echo "  make iso           a GRUB rescue CD image that boots the same kernel"
	@echo "  make all           build build/kernel.elf and build/initrd.cpio"
	@echo "  make compile_commands.json   for editors (clangd)"
	@echo "  make clean         remove build/"
	@echo "  make CC=clang ...  build with clang and ld.lld instead of gcc"

-include $(shell find $(B) -name '*.d' 2>/dev/null)
