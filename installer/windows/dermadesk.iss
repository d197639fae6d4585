; DermaDesk for Windows: a per-user installer around PyInstaller's one-folder build.
;
;   uv run pyinstaller installer\dermadesk.spec --noconfirm --distpath dist --workpath build
;   iscc /DAppVersion=0.1.0 installer\windows\dermadesk.iss      (Inno Setup 6.3 or later)
;
; Installs into %LOCALAPPDATA%\Programs\DermaDesk without administrator rights, adds a Start-menu shortcut,
; and uninstalls the program while keeping the clinic's data (%LOCALAPPDATA%\DermaDesk) unless the user,
; asked once with "keep" as the default, chooses to delete it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\dermadesk"
#endif

[Setup]
AppId={{4E8C2B1D-6A7F-4C3E-9B5D-2F1A8E7C6D40}
AppName=DermaDesk
AppVersion={#AppVersion}
AppVerName=DermaDesk {#AppVersion}
AppPublisher=DermaDesk
DefaultDirName={autopf}\DermaDesk
DefaultGroupName=DermaDesk
DisableProgramGroupPage=yes
; per-user: {autopf} becomes %LOCALAPPDATA%\Programs, shortcuts go to the user's own Start menu
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=DermaDesk-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\dermadesk.ico
UninstallDisplayIcon={app}\dermadesk.exe
UninstallDisplayName=DermaDesk
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\DermaDesk"; Filename: "{app}\dermadesk.exe"; Comment: "The clinic's patients, treatments and after-care"
Name: "{autodesktop}\DermaDesk"; Filename: "{app}\dermadesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\dermadesk.exe"; Description: "{cm:LaunchProgram,DermaDesk}"; Flags: nowait postinstall skipifsilent

[Code]
const
  DataWarning =
    'Also delete this computer''s DermaDesk data?' + #13#10 + #13#10 +
    'The clinic database, its key file and its backups are in:' + #13#10 + '%s' + #13#10 + #13#10 +
    'Choose No (recommended) to keep them: reinstalling DermaDesk opens the clinic again. ' +
    'Choose Yes only if every patient record here is no longer needed or is safely copied elsewhere: ' +
    'deleted data cannot be recovered.';

function DataFolder(): String;
begin
  { platformdirs puts the data under <author>\<app>; both are DermaDesk }
  Result := ExpandConstant('{localappdata}\DermaDesk');
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep <> usPostUninstall then
    exit;
  if not DirExists(DataFolder()) then
    exit;
  { a silent uninstall (e.g. an upgrade script) always keeps the data }
  if UninstallSilent() then
    exit;
  if SuppressibleMsgBox(Format(DataWarning, [DataFolder()]), mbConfirmation, MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    if not DelTree(DataFolder(), True, True, True) then
      MsgBox('Some files in ' + DataFolder() + ' could not be deleted; remove the folder by hand.', mbError, MB_OK);
    { window positions and column widths (QSettings) }
    RegDeleteKeyIncludingSubkeys(HKCU, 'Software\DermaDesk');
  end;
end;
