<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BerthGui</name>
    <message>
        <source>Berth, a container workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of the interface, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panel to open first: images, containers, volumes, networks, dockerfile, learn, system or settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once the first panel has loaded its data, save the window as a PNG and quit (for docs and tests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size of the window in pixels, e.g. 1280x800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With --screenshot: also print the text shown on the panel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--size wants WIDTHxHEIGHT, e.g. 1280x800, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommandStrip</name>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action in Berth has a command-line equivalent. Run it in a terminal to do the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you do here appears as a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the command to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConfigModel</name>
    <message>
        <source>Mirrors tried before Docker Hub when pulling, in order. A nearby mirror makes pulls much faster (for example in mainland China).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries that may be reached over plain HTTP or with an unverified certificate. Registries on 127.0.0.0/8 are always allowed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The private address range of the default bridge network that containers join.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers given to containers instead of the host&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How large a container&apos;s log may grow before it is rotated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many rotated log files are kept per container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many layers are downloaded at once during a pull.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many layers are uploaded at once during a push.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many times a failed layer download is tried.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Default bridge subnet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest log file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log files kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Parallel uploads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Container logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulling and pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The largest a layer may be once decompressed; a bigger one is refused as a likely decompression bomb.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Largest layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FeatureCard</name>
    <message>
        <source>Available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelperClient</name>
    <message>
        <source>Connecting to Berth&apos;s helper…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped. It starts again by itself on the next action; click Retry to start it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to Berth&apos;s helper %1 on the system bus</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <source>Each line is one instruction of the Dockerfile that built the image, newest first. Dimmed lines made no layer: they only changed the image&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDetails</name>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageDetailsView</name>
    <message>
        <source>← Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID %1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw JSON</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageJob</name>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageListModel</name>
    <message>
        <source>Type an image name, for example busybox or registry.example.com/team/app:1.0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tagged %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImageTable</name>
    <message>
        <source>Sort by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings. Double-click an image to see its settings, history and layers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by name, tag or ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No images yet. Click Pull… to download one, for example busybox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image matches &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images from a .tar archive (Ctrl+O); you can also drop one on the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the image to a .tar archive (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to archive…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobItemModel</name>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerExplorer</name>
    <message>
        <source>Layers, base first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A layer is a set of file changes packed as a tar. Stacked in order, the layers make the container&apos;s file system. A deleted file is recorded as a whiteout (.wh.NAME); an opaque directory (.wh..wh..opq) hides everything the layers below had in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes of layer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added · %2 modified · %3 deleted · %4 opaque</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only what this layer changes is listed; grey folders are unchanged and only show where things are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter paths</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 changes are shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opaque: hides the lower layers&apos; contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No path matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This layer changes no file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadDialog</name>
    <message>
        <source>Load images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load images from an archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.zst *.tar.xz *.tar.bz2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archives written by berth save, docker save or podman save, and OCI archives. Layers this computer already has are not stored twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoadJob</name>
    <message>
        <source>Choose an image archive to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder. Load an OCI layout folder from a terminal: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load cancelled; no image was added</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Loaded %n image(s) from %1</source>
        <translation>
            <numerusform>Loaded %n image from %1</numerusform>
            <numerusform>Loaded %n images from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth checks the login with the registry, then keeps it for your user only; pulls and pushes to that registry use it. Leave the registry empty for Docker Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>registry.example.com or 127.0.0.1:5000 (empty: Docker Hub)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password or access token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the login with the registry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginModel</name>
    <message>
        <source>Type the username and the password (or access token) the registry gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginsSection</name>
    <message>
        <source>Registry logins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulls and pushes use these logins for their registry. They are kept by Berth&apos;s helper for your user only, readable only by root.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not logged in to any registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Berth</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a container starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Defaults from the image&apos;s config; `berth run` options override them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entrypoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Environment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposed ports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop signal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>what the engine and this computer support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the engine&apos;s settings, like Docker&apos;s daemon.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the versions of the client and the helper</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not built yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This panel is not built yet in this version of Berth. Nothing on it works today; the commands listed below do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What it will do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Docker users know this as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What works today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These berth commands exist now, in a terminal and in the panels beside them:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PullDialog</name>
    <message>
        <source>Pull an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An image is named [registry/]repository[:tag]. Without a registry it comes from Docker Hub (through your registry mirror, if you set one in Settings); without a tag, :latest is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional, e.g. linux/arm64 (default: this computer&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel pull</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PullJob</name>
    <message>
        <source>Using default tag: latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushDialog</name>
    <message>
        <source>Push %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name says where the image goes: registry.example.com/team/app:1.0 goes to registry.example.com; a name without a registry goes to Docker Hub. Log in to the registry first in Settings if it asks for a password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel push</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PushJob</name>
    <message>
        <source>A push needs a name and tag, not a digest: write the target as NAME[:TAG].</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Push cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Remove %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This removes the name. The image&apos;s layers are deleted only when no other name or container still uses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force (also when the image has other names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save images as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image archives (*.tar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive holds the images&apos; layers and settings, as docker save writes it: load it on another computer with Berth, docker load or podman load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SaveJob</name>
    <message>
        <source>Choose at least one image to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the file to save the images to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder; choose a file name inside it, e.g. %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2. Choose a folder you may write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save cancelled; %1 was not written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n image(s) to %1</source>
        <translation>
            <numerusform>Saved %n image to %1</numerusform>
            <numerusform>Saved %n images to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s), %1 written</source>
        <translation>
            <numerusform>%n layer, %1 written</numerusform>
            <numerusform>%n layers, %1 written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingRow</name>
    <message>
        <source>default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the default, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the default (empty)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. New containers and pulls use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not in Docker&apos;s daemon.json</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine&apos;s settings, like Docker&apos;s daemon.json. Lists are separated by commas. A change applies to containers and pulls started after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Container workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Helper not reachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SystemPage</name>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel features containers are made of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 controllers: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user namespaces: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v2: one unified tree holds every controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses a hybrid layout: the old per-controller v1 trees do the limiting, and a v2 tree is mounted beside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer uses cgroup v1: one tree per controller.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cgroup hierarchy was found, so containers cannot be limited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Berth&apos;s engine reports about itself and this computer, and what each part is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>free of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where images, layers, containers and volumes are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers share this computer&apos;s kernel; there is no second operating system inside them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processors and memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n CPU, %1</numerusform>
            <numerusform>%n CPUs, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>A container is an ordinary process that the kernel isolates and limits. The helper checked each of these features when it started.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a process its own view of the system: its own process numbers (it sees itself as PID 1), mounts, network, host name and users. This isolation is what makes a process a container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User namespaces let root inside a container be an unprivileged user outside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 controllers: %1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Control groups count and limit what a group of processes may use: memory, CPU time, the number of processes. Each container gets its own group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows an image&apos;s read-only layers as one directory tree and puts a writable layer on top for each container, so many containers share one copy of the image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, libseccomp %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A filter on system calls, the requests a process makes to the kernel. A container is refused calls it should never need, such as loading kernel modules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where images are pulled from besides Docker Hub.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change in Settings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TagDialog</name>
    <message>
        <source>Tag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A tag is another name for the same image: no layer is copied. Push uses the name to know which registry to send the image to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnreachableNotice</name>
    <message>
        <source>The helper could not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper is not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Workbench</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workbench</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The templates containers start from: a stack of read-only layers plus settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull an image from a registry, through your registry mirror if you set one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See each image&apos;s tags, size and history, and what every layer added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the files of a layer, and remove images you no longer need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processes started from an image, isolated by namespaces and limited by cgroups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a container from an image, with ports, volumes and limits chosen in a form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start, stop and remove containers; read their logs as they are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a terminal inside a running container and watch its CPU and memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage that outlives containers: named volumes and folders of this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create and remove named volumes, and see which containers use each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse the files in a volume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Networks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How containers reach each other and the outside: bridges, addresses and published ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See each bridge network, its subnet, and the containers attached to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See which ports of this computer lead into which container.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipe an image is built from, one instruction per layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit a Dockerfile as text or as a list of steps, with mistakes pointed out as you type.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build it and follow each step&apos;s output, with steps taken from the cache marked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Understand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What a container really is, shown with the engine on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short lessons that run real commands: layers, namespaces, cgroups, ports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each lesson links to the panel and the berth command that does the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>download an image, through your registry mirror if you set one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list the images this computer has</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an image&apos;s configuration and layers, as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop to load the images in %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli</name>
    <message>
        <source>Usage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print usage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes %2 argument(s), got %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (like daemon.json), or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show engine settings: all of them, or the value of one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;: use --format json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KEY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VALUE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change an engine setting (lists are comma-separated; an empty VALUE empties a list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return an engine setting to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (like Docker&apos;s daemon.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all settings, or one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change a setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return a setting to its default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>daemon.json: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth config COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth config needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth config: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volumes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storage Driver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backing Filesystem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cgroup Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v1 controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>v2 controllers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security Options:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operating System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth Root Dir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registry Mirrors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insecure Registries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the text report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display system-wide information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OS/Arch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot;, or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the Berth version information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: Berth Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all images (default hides intermediate images)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only show image IDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show digests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t truncate output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output: dangling=true|false, reference=PATTERN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per line), or empty for the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use dangling=true|false or reference=PATTERN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>REPOSITORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIGEST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SIZE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format the output using a template: {{.Field}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return JSON for the given type (image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return low-level information on Berth objects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;--type %1&quot; is not supported yet; only images can be inspected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template &quot;%1&quot; is not supported: use {{.Field}}, {{.Field.Sub}} or {{json .Field}}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display detailed information on one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download an image from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth image needs a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth image: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pull for this platform, e.g. linux/arm64</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress verbose output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download all tagged images in the repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Using default tag: latest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Digest: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Downloaded newer image for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status: Image is up to date for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the pull…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Force removal of the image (all its tags, even if containers use it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not delete untagged parents (Berth keeps no parent images, so there are none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove one or more images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Untagged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print sizes and dates in human readable format (default true; -H=false turns it off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the history of an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IMAGE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CREATED BY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>COMMENT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max number of search results (default 25)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter output: stars=N, is-official=true|false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Docker Hub, or a private registry&apos;s catalog as HOST:PORT/TERM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--limit takes a number from 1 to 100, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid filter &quot;%1&quot;: use stars=N or is-official=true|false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DESCRIPTION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OFFICIAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[OK]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save one or more images to a tar archive (streamed to STDOUT by default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the password from stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry. If no server is given, Docker Hub (docker.io) is used. The login is checked against the registry, then kept by Berth&apos;s helper for your user only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--password and --password-stdin are mutually exclusive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must provide --username with --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING! Using --password via the CLI is insecure. Use --password-stdin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give -u USERNAME and --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot perform an interactive login from a non TTY device; give --password-stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry: forget the login `berth login` stored for your user. If no server is given, Docker Hub (docker.io) is used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing login credentials for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pushed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mounted from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload each blob in chunks of this size, e.g. 5m (default: one request per blob, chunks of 32m above 128m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry. With IMAGE, that local image is pushed as NAME[:TAG] without tagging it first (as podman push SOURCE DESTINATION).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot push to a digest; write the target as NAME[:TAG]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--chunk-size takes a size of at least 4k, such as 64k, 5m or 1g; got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: digest: %2 size: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the push…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write to a file, instead of STDOUT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cowardly refusing to save to a terminal. Use the -o flag or redirect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-o needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory; give a file name to -o</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read from tar archive file (or an OCI layout directory), instead of STDIN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suppress the load output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load an image from a tar archive or STDIN (docker save, podman save, OCI archives and layouts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-i needs a file name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested load from stdin, but stdin is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a directory without index.json or manifest.json: not an OCI layout or an unpacked image archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling the load…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manage the engine&apos;s settings (registry mirrors, subnets, logs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log out from a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload an image to a registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search Docker Hub or a registry&apos;s catalog for images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A container workbench: images, containers, volumes and networks, with a teaching GUI (berth-gui).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print version information and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown flag: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>See &apos;berth --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>berth: &apos;%1&apos; is not a berth command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds, changes and deletes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run &apos;berth image COMMAND --help&apos; for more information on a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(opaque directory: hides everything lower layers had in it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only layer N, counted from 1 at the base as the layer explorer shows them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output format: &quot;json&quot; (one object per change), or empty for docker diff&apos;s lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files each layer of an image adds (A), changes (C) and deletes (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--layer takes a layer number from 1 (the base layer) upwards, got &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has %2 layer(s), numbered 1 (the base) to %2; there is no layer %3. Run `berth image diff %1` to see them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layer %1 changes more than %2 paths; only the first %2 are listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::DirectoryTar</name>
    <message>
        <source>cannot create a pipe: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>writing the layout to the helper: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the path %1 is too long for a tar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: it changed while it was being sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a symbolic link; an OCI layout directory holds only files and directories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is neither a file nor a directory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::JobRunner</name>
    <message>
        <source>Warning: cannot watch for Ctrl-C (%1); interrupting will not cancel the job in the helper.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::cli::LoadPrinter</name>
    <message>
        <source>Archive read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>berth::client</name>
    <message>
        <source>Berth&apos;s helper is not reachable on the system bus: %1
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix it, install Berth&apos;s D-Bus and polkit files so the bus can start the helper (from the source tree: `sudo ./dev.sh run`, or `sudo cmake --install build`), or start it by hand: `sudo berth-helper`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot connect to the system bus at %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To fix it, start the system bus: `sudo service dbus start`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no service named %1 is installed on the bus.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the helper did not answer in time (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It may be busy or stuck: check its log (`journalctl -t berth-helper`) or restart it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system bus refused the call: %1
Berth&apos;s bus policy (io.berth.Helper.conf) may be missing or outdated; reinstall Berth.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The running helper does not know this request (%1). It is probably an older version: restart it so the installed one starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D-Bus could not start it (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run `sudo berth-helper` in a terminal to see why it fails to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The helper failed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Berth&apos;s helper stopped while the job was running; run the command again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
