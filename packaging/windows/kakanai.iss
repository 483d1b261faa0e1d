; 書かない窓口 kakanai — Inno Setup 6 script (Inno Setup 6.3 or later).
;
; Makes dist\installer\kakanai-setup-<version>.exe from the PyInstaller folder dist\kakanai.
; build.ps1 runs it as:  ISCC.exe /DAppVersion=<version from pyproject.toml> packaging\windows\kakanai.iss
;
; * Per-machine install into C:\Program Files\kakanai (administrator rights required).
; * Start menu: 「窓口 kakanai」 (the counter window) and 「自己診断 (self-test)」 (a console window
;   running kakanai-cli.exe --selftest: one scripted visit, OK/NG per step).
; * IT settings: a kakanai.toml placed next to the setup .exe is copied beside kakanai.exe, where
;   it overrides every user's settings. Without one, an existing kakanai.toml is left as it is.
; * Uninstall removes the program folder only. Each user's data folder (%LOCALAPPDATA%\kakanai:
;   the database, the outbox of visits not yet sent to the server, unfinished visits, the log)
;   is kept, and the uninstaller says so.
;
; Written to run unchanged on a Windows build PC; not compiled on the Linux machine where it was
; written (see docs\packaging.md).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define BundleDir "..\..\dist\kakanai"

[Setup]
AppId={{47FBC496-CA9A-4F20-A992-E06F575ED583}
AppName=書かない窓口 kakanai
AppVersion={#AppVersion}
AppVerName=書かない窓口 kakanai {#AppVersion}
AppPublisher=kakanai
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\kakanai
DefaultGroupName=書かない窓口 kakanai
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist\installer
OutputBaseFilename=kakanai-setup-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
UninstallDisplayName=書かない窓口 kakanai
UninstallDisplayIcon={app}\kakanai.exe
CloseApplications=yes
RestartApplications=no
SetupLogging=yes

[Languages]
Name: "ja"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
ja.KeptData=プログラムを削除しました。%n%n利用者のデータは削除していません:%nC:\Users\（利用者名）\AppData\Local\kakanai（kakanai.toml の data_dir で別の場所にしている場合はそのフォルダー）%n- 端末のデータベース（kakanai.db）%n- サーバーへ未送信の記録（outbox.db）%n- 受付中の記録と暗号鍵、ログ%n%n不要になった場合は、未送信の記録がないことを確かめてから手作業で削除してください。
en.KeptData=The program has been removed.%n%nUsers' data was NOT deleted:%nC:\Users\(user name)\AppData\Local\kakanai (or the data_dir set in kakanai.toml)%n- the local database (kakanai.db)%n- visits not yet sent to the server (outbox.db)%n- unfinished visits, their key, and the log%n%nWhen no longer needed, check that nothing is waiting to be sent, then delete these folders by hand.
ja.RunSelfTest=自己診断を実行する（1件の受付を試します）
en.RunSelfTest=Run the self-test (walks one scripted visit)

[InstallDelete]
; An update replaces the whole bundle: no library or plugin of an older version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
; IT's settings file, when it lies next to the setup .exe (see packaging\kakanai.toml.example).
Source: "{src}\kakanai.toml"; DestDir: "{app}"; Flags: external skipifsourcedoesntexist ignoreversion

[Icons]
Name: "{group}\窓口 kakanai"; Filename: "{app}\kakanai.exe"; WorkingDir: "{app}"
Name: "{group}\自己診断 (self-test)"; Filename: "{cmd}"; Parameters: "/k """"{app}\kakanai-cli.exe"" --selftest"""; WorkingDir: "{app}"

[Run]
Filename: "{cmd}"; Parameters: "/k """"{app}\kakanai-cli.exe"" --selftest"""; WorkingDir: "{app}"; Description: "{cm:RunSelfTest}"; Flags: postinstall skipifsilent unchecked

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(CustomMessage('KeptData'), mbInformation, MB_OK);
end;
